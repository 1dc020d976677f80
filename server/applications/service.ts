import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import {
  type ApplicationStatus,
  applicationEvents,
  applicationNotes,
  applicationResumes,
  applications,
  employers,
  jobs,
  jobSeekers,
  matches,
  type RejectionReason,
  users,
} from '../../db/schema.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { snapshotResume } from '../files/resumes.ts';
import type { FileStore } from '../files/store.ts';
import { requireApplicationAccess, requireCompanyAccess, requireJobAccess } from '../companies/access.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { notifyApplicationStatus, notifyNewApplicant } from '../notifications/events.ts';

/**
 * The workflow an employer moves: submitted -> reviewed -> interview -> offer -> accepted, and
 * rejected from any open state. A seeker may withdraw while nothing is decided. Decided is final.
 */
export const EMPLOYER_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['reviewed', 'rejected'],
  reviewed: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'interview', 'offer'];
const OPEN = OPEN_STATUSES;

/** Why an employer said no, in their words, and what the seeker is told (optional). */
export interface Rejection {
  reason: RejectionReason;
  detail: string | null;
  message: string | null;
}

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

/**
 * A withdrawn application stays the record of that job for both sides: applying again to the
 * same job is refused (the unique constraint says one application per seeker and job).
 */
async function refuseAfterWithdrawal(db: Queryable, seekerId: number, jobId: number) {
  const [previous] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(and(eq(applications.jobSeekerId, seekerId), eq(applications.jobId, jobId)));
  if (previous?.status === 'withdrawn')
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'You withdrew your application to this job, so it cannot be sent again.',
    });
}

export async function apply(
  db: Database,
  files: FileStore,
  seekerId: number,
  input: { jobId: number; coverLetter: string | null },
  now: Date,
  /** Where notification links point; null: nobody is notified (demo history). */
  publicUrl: string | null,
) {
  const [job] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, input.jobId), visibleToSeekers(now)));
  if (!job) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job is not open for applications.' });
  await refuseAfterWithdrawal(db, seekerId, input.jobId);
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
      // The resume as it is now travels with the application; later changes do not reach it.
      await snapshotResume(tx, files, seekerId, application!.id);
      const [snapshot] = await tx
        .select({ fileName: applicationResumes.fileName })
        .from(applicationResumes)
        .where(eq(applicationResumes.applicationId, application!.id));
      if (publicUrl !== null) await notifyNewApplicant(tx, application!.id, { now, publicUrl });
      return {
        id: application!.id,
        jobId: input.jobId,
        status: application!.status,
        submittedAt: application!.submittedAt.toISOString(),
        resume: snapshot ? { attached: true, fileName: snapshot.fileName } : { attached: false, fileName: null },
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
      rejectionReason: applications.rejectionReason,
      rejectionMessage: applications.rejectionMessage,
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
    status: r.status,
    coverLetter: r.coverLetter,
    matchScore: r.matchScore,
    submittedAt: r.submittedAt.toISOString(),
    updatedAt: r.updatedAt?.toISOString() ?? null,
    job: { id: r.jobId, title: r.title, location: r.location, status: r.jobStatus, companyName: r.companyName },
    history: history.get(r.id) ?? [],
    // The employer's private words (rejection detail, notes) are theirs; the reason and message are the seeker's.
    rejection:
      r.status === 'rejected'
        ? { reason: r.rejectionReason as RejectionReason | null, message: r.rejectionMessage }
        : null,
    canWithdraw: OPEN.includes(r.status as ApplicationStatus),
    // Decided in refuseAfterWithdrawal: one application per seeker and job, withdrawn included.
    canApplyAgain: false,
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
      updatedAt: applications.updatedAt,
      rejectionReason: applications.rejectionReason,
      rejectionDetail: applications.rejectionDetail,
      rejectionMessage: applications.rejectionMessage,
      resumeSkills: applicationResumes.skills,
      resumeSource: applicationResumes.source,
      hasOriginal: sql<boolean>`${applicationResumes.fileKey} is not null`,
      notes: sql<number>`(select count(*)::int from application_notes n where n.application_id = ${applications.id})`,
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
    .leftJoin(applicationResumes, eq(applicationResumes.applicationId, applications.id))
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
    offer: 0,
    accepted: 0,
    rejected: 0,
    withdrawn: 0,
  };
  for (const r of rows) counts[r.status]++;
  return {
    counts,
    applications: rows.map((r) => ({
      id: r.id,
      status: r.status,
      coverLetter: r.coverLetter,
      matchScore: r.matchScore,
      matchReasoning: r.matchReasoning,
      submittedAt: r.submittedAt.toISOString(),
      updatedAt: r.updatedAt?.toISOString() ?? null,
      resume: r.resumeSource
        ? { source: r.resumeSource, skills: r.resumeSkills ?? [], hasOriginal: r.hasOriginal }
        : null,
      rejection:
        r.status === 'rejected'
          ? {
              reason: r.rejectionReason as RejectionReason | null,
              detail: r.rejectionDetail,
              message: r.rejectionMessage,
            }
          : null,
      notes: Number(r.notes),
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
      next: EMPLOYER_TRANSITIONS[r.status],
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
  rejection: Rejection | null = null,
  publicUrl: string | null = null,
) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({
        status: to,
        updatedAt: now,
        ...(rejection
          ? {
              rejectionReason: rejection.reason,
              rejectionDetail: rejection.detail,
              rejectionMessage: rejection.message,
            }
          : {}),
      })
      .where(and(eq(applications.id, applicationId), eq(applications.status, from)))
      .returning({ id: applications.id });
    if (!updated.length)
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'This application was changed meanwhile. Reload and try again.',
      });
    await recordEvent(tx, applicationId, from, to, actor, now);
    if (publicUrl !== null) await notifyApplicationStatus(tx, applicationId, to, { now, publicUrl });
  });
  return { id: applicationId, status: to };
}

export async function setApplicationStatus(
  db: Database,
  userId: number,
  applicationId: number,
  to: ApplicationStatus,
  now: Date,
  /** Where notification links point; null: the seeker is not notified (demo history). */
  publicUrl: string | null,
  rejection: Rejection | null = null,
) {
  if (rejection && to !== 'rejected')
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'A rejection reason goes with a rejection only.' });
  const row = await requireApplicationAccess(db, userId, applicationId, 'manage');
  const from = row.status;
  if (!EMPLOYER_TRANSITIONS[from].includes(to)) {
    const allowed = EMPLOYER_TRANSITIONS[from];
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: allowed.length
        ? `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from} application can move to ${allowed.join(' or ')}, not ${to}.`
        : `This application is ${from}: its status is final.`,
    });
  }
  // The member who acted is recorded, not the company.
  return changeStatus(db, applicationId, from, to, { id: userId, role: 'employer' }, now, rejection, publicUrl);
}

/**
 * Choosing an interview time moves the application on to `interview` through the workflow's own
 * steps (submitted -> reviewed -> interview), each recorded with who acted; in the caller's
 * transaction, so the interview and the move commit together. A decided application refuses.
 */
export async function advanceToInterview(
  tx: Queryable,
  applicationId: number,
  actor: { id: number; role: string },
  now: Date,
) {
  const [row] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update');
  let from = row?.status;
  while (from && from !== 'interview') {
    const step = EMPLOYER_TRANSITIONS[from].find((to) => to === 'reviewed' || to === 'interview');
    if (!step)
      throw new TRPCError({
        code: 'CONFLICT',
        message: `This application is ${from}: its interview can no longer be scheduled.`,
      });
    await tx.update(applications).set({ status: step, updatedAt: now }).where(eq(applications.id, applicationId));
    await recordEvent(tx, applicationId, from, step, actor, now);
    from = step;
  }
}

/** At most this many applications move in one bulk move. */
export const MAX_BULK_MOVE = 50;

/**
 * The board's bulk move. Every application must be one of this company's (else NOT_FOUND, and
 * nothing moves); then each moves on its own, so one that may not (a final one, one changed
 * meanwhile) is reported and the others still move.
 */
export async function setStatusMany(
  db: Database,
  userId: number,
  ids: readonly number[],
  to: ApplicationStatus,
  now: Date,
  publicUrl: string | null,
  rejection: Rejection | null = null,
) {
  const unique = [...new Set(ids)];
  const { companyId } = await requireCompanyAccess(db, userId, 'manage');
  const theirs = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(and(inArray(applications.id, unique), eq(jobs.employerId, companyId)));
  if (theirs.length !== unique.length)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Some of these applications were not found.' });
  const moved: number[] = [];
  const refused: { id: number; message: string }[] = [];
  for (const id of unique) {
    try {
      await setApplicationStatus(db, userId, id, to, now, publicUrl, rejection);
      moved.push(id);
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
      refused.push({ id, message: error.message });
    }
  }
  return { status: to, moved, refused };
}

export async function withdraw(db: Database, seekerId: number, applicationId: number, now: Date) {
  const [row] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.jobSeekerId, seekerId)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'This application was not found.' });
  const from = row.status;
  if (!OPEN.includes(from))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This application is ${from}: it can no longer be withdrawn.`,
    });
  return changeStatus(db, applicationId, from, 'withdrawn', { id: seekerId, role: 'job_seeker' }, now);
}

/** A private note of the job's employer on an application; the seeker never sees notes. */
export async function addNote(db: Queryable, userId: number, applicationId: number, body: string, now: Date) {
  await requireApplicationAccess(db, userId, applicationId, 'manage');
  const [note] = await db
    .insert(applicationNotes)
    .values({ applicationId, authorId: userId, body, createdAt: now })
    .returning({ id: applicationNotes.id });
  return (await notesOf(db, userId, applicationId)).find((n) => n.id === note!.id)!;
}

/** The notes on an application, oldest first, each with who wrote it and when. */
export async function notesOf(db: Queryable, userId: number, applicationId: number) {
  await requireApplicationAccess(db, userId, applicationId, 'manage');
  const rows = await db
    .select({
      id: applicationNotes.id,
      body: applicationNotes.body,
      at: applicationNotes.createdAt,
      authorId: applicationNotes.authorId,
      authorEmail: users.email,
    })
    .from(applicationNotes)
    .leftJoin(users, eq(users.id, applicationNotes.authorId))
    .where(eq(applicationNotes.applicationId, applicationId))
    .orderBy(asc(applicationNotes.createdAt), asc(applicationNotes.id));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    at: r.at.toISOString(),
    author: r.authorId === null ? null : { id: r.authorId, email: r.authorEmail },
  }));
}
