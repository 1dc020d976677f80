/** A company's public profile: what anyone may read about an employer, and its open jobs. */
import { TRPCError } from '@trpc/server';
import { desc, eq, and } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { employers, jobs } from '../../db/schema.ts';
import { visibleToSeekers } from '../jobs/service.ts';

/** At most this many open jobs on the page: a profile, not a search. */
export const COMPANY_PAGE_JOBS = 50;

export async function getCompany(db: Queryable, employerId: number, now: Date) {
  const [company] = await db
    .select({
      id: employers.id,
      companyName: employers.companyName,
      companySize: employers.companySize,
      industry: employers.industry,
      website: employers.website,
    })
    .from(employers)
    .where(eq(employers.id, employerId));
  if (!company) throw new TRPCError({ code: 'NOT_FOUND', message: 'This company was not found.' });
  const openJobs = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      location: jobs.location,
      remoteAllowed: jobs.remoteAllowed,
      employmentType: jobs.employmentType,
      salaryMin: jobs.salaryMin,
      salaryMax: jobs.salaryMax,
      currency: jobs.currency,
      postedAt: jobs.postedAt,
    })
    .from(jobs)
    .where(and(eq(jobs.employerId, employerId), visibleToSeekers(now)))
    .orderBy(desc(jobs.postedAt), desc(jobs.id))
    .limit(COMPANY_PAGE_JOBS);
  return {
    ...company,
    jobs: openJobs.map((job) => ({
      ...job,
      currency: job.currency ?? 'USD',
      postedAt: job.postedAt?.toISOString() ?? null,
    })),
  };
}
