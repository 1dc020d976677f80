import { TRPCError } from '@trpc/server';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { applications, employers, jobSkills, jobs, skills } from '../../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { membershipOf } from '../companies/access.ts';
import { toJobPostingJsonLd } from './json-ld.ts';

// Explicit columns: embeddings and the search vector stay in the database.
export const jobColumns = {
  id: jobs.id,
  employerId: jobs.employerId,
  title: jobs.title,
  description: jobs.description,
  requirements: jobs.requirements,
  location: jobs.location,
  remoteAllowed: jobs.remoteAllowed,
  employmentType: jobs.employmentType,
  salaryMin: jobs.salaryMin,
  salaryMax: jobs.salaryMax,
  currency: jobs.currency,
  status: jobs.status,
  postedAt: jobs.postedAt,
  expiresAt: jobs.expiresAt,
  updatedAt: jobs.updatedAt,
  embeddedAt: jobs.embeddedAt,
};

export async function skillsOfJobs(db: Queryable, jobIds: number[]) {
  if (jobIds.length === 0) return new Map<number, JobSkillView[]>();
  const rows = await db
    .select({
      jobId: jobSkills.jobId,
      skillId: jobSkills.skillId,
      name: sql<string>`coalesce(${skills.name}, ${jobSkills.customName})`,
      custom: sql<boolean>`${jobSkills.customName} is not null`,
      required: jobSkills.required,
      priority: jobSkills.priority,
      inferred: jobSkills.inferred,
    })
    .from(jobSkills)
    // A custom skill (the employer's own name, not in the catalog) shows on its job as written.
    .leftJoin(skills, eq(skills.id, jobSkills.skillId))
    .where(inArray(jobSkills.jobId, jobIds))
    .orderBy(asc(jobSkills.priority), desc(jobSkills.required), sql`coalesce(${skills.name}, ${jobSkills.customName})`);
  const byJob = new Map<number, JobSkillView[]>();
  for (const { jobId, ...skill } of rows) byJob.set(jobId, [...(byJob.get(jobId) ?? []), skill]);
  return byJob;
}
export interface JobSkillView {
  /** null for a custom skill: the employer's own name, not (yet) in the catalog. */
  skillId: number | null;
  name: string;
  custom: boolean;
  required: boolean;
  priority: number | null;
  inferred: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function jobView(
  row: typeof jobs.$inferSelect | (Record<keyof typeof jobColumns, unknown> & { [k: string]: unknown }),
  skillList: JobSkillView[],
) {
  const r = row as { [K in keyof typeof jobColumns]: (typeof jobColumns)[K]['_']['data'] | null };
  return {
    id: r.id!,
    employerId: r.employerId!,
    title: r.title!,
    description: r.description!,
    requirements: r.requirements ?? null,
    location: r.location,
    remoteAllowed: r.remoteAllowed ?? false,
    employmentType: r.employmentType,
    salaryMin: r.salaryMin,
    salaryMax: r.salaryMax,
    currency: r.currency ?? 'USD',
    status: r.status as 'draft' | 'active' | 'closed',
    postedAt: iso(r.postedAt),
    expiresAt: iso(r.expiresAt),
    skills: skillList,
  };
}

export async function getJob(db: Queryable, jobId: number, viewer: SessionUser | null, now: Date) {
  const [row] = await db
    .select({
      ...jobColumns,
      companyName: employers.companyName,
      website: employers.website,
      industry: employers.industry,
    })
    .from(jobs)
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(jobs.id, jobId));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job was not found.' });
  // An expired job closes itself the first time anyone looks at it.
  if (row.status === 'active' && row.expiresAt && row.expiresAt <= now) {
    await db
      .update(jobs)
      .set({ status: 'closed', updatedAt: now })
      .where(and(eq(jobs.id, jobId), eq(jobs.status, 'active')));
    row.status = 'closed';
  }
  const isOwner = viewer?.userType === 'employer' && (await membershipOf(db, viewer.id))?.companyId === row.employerId;
  if (row.status !== 'active' && !isOwner && viewer?.userType !== 'admin') {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This job was not found.' });
  }
  const skillList = (await skillsOfJobs(db, [jobId])).get(jobId) ?? [];
  const view = jobView(row, skillList);
  const employer = { id: row.employerId, companyName: row.companyName, website: row.website, industry: row.industry };
  return {
    ...view,
    employer,
    isOwner,
    embedding:
      row.embeddedAt && row.updatedAt && row.embeddedAt >= row.updatedAt ? ('ready' as const) : ('pending' as const),
    jsonLd: toJobPostingJsonLd({
      ...row,
      skills: skillList,
      employer,
      experienceYears: row.requirements?.experienceYears ?? null,
    }),
  };
}

/** The employer's own jobs, newest first, with how many applied. */
export async function myJobs(db: Queryable, employerId: number) {
  const rows = await db
    .select(jobColumns)
    .from(jobs)
    .where(eq(jobs.employerId, employerId))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id));
  // Counted apart, grouped by job: inside a correlated sql`` subquery drizzle writes columns
  // unqualified, so `id` meant the application's own id and every job showed one applicant.
  const counts =
    rows.length === 0
      ? []
      : await db
          .select({ jobId: applications.jobId, n: count() })
          .from(applications)
          .where(
            inArray(
              applications.jobId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(applications.jobId);
  const countOf = new Map(counts.map((c) => [c.jobId, c.n]));
  const skillMap = await skillsOfJobs(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...jobView(r, skillMap.get(r.id) ?? []), applicationCount: countOf.get(r.id) ?? 0 }));
}
