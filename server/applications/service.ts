import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { applicationEvents, applications, employers, jobs, jobSeekers, matches, users } from '../../db/schema.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { requireApplicationAccess, requireJobAccess } from '../companies/access.ts';
import { visibleToSeekers } from '../jobs/service.ts';

export type ApplicationStatus = 'submitted' | 'reviewed' | 'interview' | 'accepted' | 'rejected' | 'withdrawn';

/**
 * The workflow an employer moves: submitted -> reviewed -> interview -> accepted, and rejected
 * from any open state. A seeker may withdraw while nothing is decided. Decided is final.
 */
export const EMPLOYER_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['reviewed', 'rejected'],
  reviewed: ['interview', 'rejected'],
  interview: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};
const OPEN: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'interview'];

async function recordEvent(
  db: Queryable,
  applicationId: number,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  actor: { id: number; role: string },
  now: Date,
) {
  await db.insert(applicationEvents).values({
    applicationId,
    fromStatus: from,
    toStatus: to,
    actorId: actor.id,
    actorRole: actor.role,
    createdAt: now,
  });
}

export async function apply(
  db: Database,
  seekerId: number,
  input: { jobId: number; coverLetter: string | null },
  now: Date,
) {
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, input.jobId), visibleToSeekers(now)));
  if (!job) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job is not open for applications.' });
  try {
    return await db.transaction(async (tx) => {
      const [match] = await tx
        .select({ score: matches.overallScore, reasoning: matches.matchReasoning })
        .from(matches)
        .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, input.jobId)));
      const [application] = await tx
        .insert(applications)
        .values({
          jobSeekerId: seekerId,
          jobId: input.jobId,
          coverLetter: input.coverLetter,
          status: 'submitted',
          matchScore: match?.score ?? null,
          matchReasoning: match?.reasoning ?? null,
          submittedAt: now,
          updatedAt: now,
        })
        .returning({ id: applications.id, status: applications.status, submittedAt: applications.submittedAt });
      await tx
        .update(matches)
        .set({ applied: true })
        .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, input.jobId)));
      await recordEvent(tx, application!.id, null, 'submitted', { id: seekerId, role: 'job_seeker' }, now);
      return {
        id: application!.id,
        jobId: input.jobId,
        status: application!.status,
        submittedAt: application!.submittedAt.toISOString(),
      };
    });
  } catch (error) {
    // The database's unique constraint decides a race; the loser hears why.
    if (isUniqueViolation(error))
      throw new TRPCError({ code: 'CONFLICT', message: 'You have already applied to this job.' });
    throw error;
  }
}

async function historyOf(db: Queryable, applicationIds: number[]) {
  if (applicationIds.length === 0)
    return new Map<number, { fromStatus: string | null; toStatus: string; by: string; at: string }[]>();
  const rows = await db
    .select({
      applicationId: applicationEvents.applicationId,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      actorRole: applicationEvents.actorRole,
      at: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, applicationIds))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id));
  const byApplication = new Map<number, { fromStatus: string | null; toStatus: string; by: string; at: string }[]>();
  for (const r of rows) {
    byApplication.set(r.applicationId, [
      ...(byApplication.get(r.applicationId) ?? []),
      {
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        by: r.actorRole === 'employer' ? 'employer' : 'you',
        at: r.at.toISOString(),
      },
    ]);
  }
  return byApplication;
}

/** Seed query 2: the seeker's applications with their jobs, newest first, each with its history. */
export async function myApplications(db: Queryable, seekerId: number) {
  const rows = await db
    .select({
      id: applications.id,
      status: applications.status,
      coverLetter: applications.coverLetter,
      matchScore: applications.matchScore,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
      jobId: jobs.id,
      title: jobs.title,
      location: jobs.location,
      jobStatus: jobs.status,
      companyName: employers.companyName,
    })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(applications.jobSeekerId, seekerId))
    .orderBy(desc(applications.submittedAt), desc(applications.id));
  const history = await historyOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ApplicationStatus,
    coverLetter: r.coverLetter,
    matchScore: r.matchScore,
    submittedAt: r.submittedAt.toISOString(),
    updatedAt: r.updatedAt?.toISOString() ?? null,
    job: { id: r.jobId, title: r.title, location: r.location, status: r.jobStatus, companyName: r.companyName },
    history: history.get(r.id) ?? [],
  }));
}

/** The job's applicants for its owner, best match first, with counts per status. */
export async function applicationsForJob(db: Queryable, userId: number, jobId: number) {
  await requireJobAccess(db, userId, jobId, 'manage');
  const rows = await db
    .select({
      id: applications.id,
      status: applications.status,
      coverLetter: applications.coverLetter,
      matchScore: applications.matchScore,
      matchReasoning: applications.matchReasoning,
      submittedAt: applications.submittedAt,
      seekerId: jobSeekers.id,
      firstName: jobSeekers.firstName,
      lastName: jobSeekers.lastName,
      location: jobSeekers.location,
      phone: jobSeekers.phone,
      email: users.email,
    })
    .from(applications)
    // Left joins: an application of an erased account stays, anonymous, in the employer's figures.
    .leftJoin(jobSeekers, eq(jobSeekers.id, applications.jobSeekerId))
    .leftJoin(users, eq(users.id, jobSeekers.id))
    .where(eq(applications.jobId, jobId))
    .orderBy(sql`${applications.matchScore} desc nulls last`, asc(applications.submittedAt));
  const history = await historyOf(
    db,
    rows.map((r) => r.id),
  );
  const counts: Record<ApplicationStatus, number> = {
    submitted: 0,
    reviewed: 0,
    interview: 0,
    accepted: 0,
    rejected: 0,
    withdrawn: 0,
  };
  for (const r of rows) counts[r.status as ApplicationStatus]++;
  return {
    counts,
    applications: rows.map((r) => ({
      id: r.id,
      status: r.status as ApplicationStatus,
      coverLetter: r.coverLetter,
      matchScore: r.matchScore,
      matchReasoning: r.matchReasoning,
      submittedAt: r.submittedAt.toISOString(),
      // They applied to this employer's job: their contact details are theirs to see now.
      seeker:
        r.seekerId === null
          ? null
          : {
              id: r.seekerId,
              firstName: r.firstName!,
              lastName: r.lastName!,
              location: r.location,
              email: r.email!,
              phone: r.phone,
            },
      history: history.get(r.id) ?? [],
      next: EMPLOYER_TRANSITIONS[r.status as ApplicationStatus],
    })),
  };
}

async function changeStatus(
  db: Database,
  applicationId: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  actor: { id: number; role: string },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ status: to, updatedAt: now })
      .where(and(eq(applications.id, applicationId), eq(applications.status, from)))
      .returning({ id: applications.id });
    if (!updated.length)
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'This application was changed meanwhile. Reload and try again.',
      });
    await recordEvent(tx, applicationId, from, to, actor, now);
  });
  return { id: applicationId, status: to };
}

export async function setApplicationStatus(
  db: Database,
  userId: number,
  applicationId: number,
  to: ApplicationStatus,
  now: Date,
) {
  const row = await requireApplicationAccess(db, userId, applicationId, 'manage');
  const from = row.status as ApplicationStatus;
  if (!EMPLOYER_TRANSITIONS[from].includes(to)) {
    const allowed = EMPLOYER_TRANSITIONS[from];
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: allowed.length
        ? `A ${from} application can move to ${allowed.join(' or ')}, not ${to}.`
        : `This application is ${from}: its status is final.`,
    });
  }
  // The member who acted is recorded, not the company.
  return changeStatus(db, applicationId, from, to, { id: userId, role: 'employer' }, now);
}

export async function withdraw(db: Database, seekerId: number, applicationId: number, now: Date) {
  const [row] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.jobSeekerId, seekerId)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'This application was not found.' });
  const from = row.status as ApplicationStatus;
  if (!OPEN.includes(from))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This application is ${from}: it can no longer be withdrawn.`,
    });
  return changeStatus(db, applicationId, from, 'withdrawn', { id: seekerId, role: 'job_seeker' }, now);
}
