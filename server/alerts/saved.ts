/** Saved jobs: idempotent save and unsave; the list keeps closed jobs, marked closed. */
import { TRPCError } from '@trpc/server';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { employers, jobs, savedJobs } from '../../db/schema.ts';
import { visibleToSeekers } from '../jobs/service.ts';

/** Saves a job the seeker can see; saving it again changes nothing. */
export async function saveJob(db: Database, seekerId: number, jobId: number, now: Date) {
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), visibleToSeekers(now)));
  if (!job) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job does not exist or is no longer open.' });
  await db.insert(savedJobs).values({ jobSeekerId: seekerId, jobId, savedAt: now }).onConflictDoNothing();
  return { jobId, saved: true };
}

/** Unsaving a job that is not saved (or does not exist) is not an error: the result is the same. */
export async function unsaveJob(db: Database, seekerId: number, jobId: number) {
  await db.delete(savedJobs).where(and(eq(savedJobs.jobSeekerId, seekerId), eq(savedJobs.jobId, jobId)));
  return { jobId, saved: false };
}

export async function listSavedJobs(db: Database, seekerId: number, now: Date) {
  const rows = await db
    .select({
      jobId: jobs.id,
      title: jobs.title,
      companyName: employers.companyName,
      location: jobs.location,
      remoteAllowed: jobs.remoteAllowed,
      savedAt: savedJobs.savedAt,
      open: sql<boolean>`${visibleToSeekers(now)}`,
    })
    .from(savedJobs)
    .innerJoin(jobs, eq(jobs.id, savedJobs.jobId))
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(savedJobs.jobSeekerId, seekerId))
    .orderBy(desc(savedJobs.savedAt), desc(savedJobs.jobId));
  return rows.map((r) => ({ ...r, savedAt: r.savedAt.toISOString(), closed: !r.open }));
}
