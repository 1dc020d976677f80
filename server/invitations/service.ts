/**
 * Invitations to apply (issue 16 part 3): an employer invites an anonymous candidate of one of
 * their jobs; the seeker accepts (and may then apply) or declines. The employer learns who the
 * seeker is only from an application, never from the invitation.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { candidateInvitations, employers, type InvitationStatus, jobs } from '../../db/schema.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { requireJobAccess } from '../companies/access.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { notifyInvitation } from '../notifications/events.ts';
import { candidateIdOf, pseudonymOf } from '../matching/anonymous.ts';
import { anonymousCandidateBehind } from '../matching/read.ts';
import { rowsOf } from '../sql-helpers.ts';

/** Invitations one employer may send in 24 hours: enough for real sourcing, too few for spam. */
export const DAILY_INVITATIONS = 50;
export const MAX_INVITATION_MESSAGE = 2000;

export interface SendDeps {
  db: Database;
  now: Date;
  publicUrl: string;
}

const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'This candidate is not among the job’s visible candidates.' });

export async function sendInvitation(
  deps: SendDeps,
  userId: number,
  input: { jobId: number; candidateId: string; message: string },
) {
  const { db, now } = deps;
  const job = await requireJobAccess(db, userId, input.jobId, 'manage');
  // Invitations belong to the company (its id is the job's employer id), whoever of its members sent them.
  const employerId = job.employerId;
  const [live] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, job.id), visibleToSeekers(now)));
  if (!live)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only a published, open job can invite candidates to apply.' });
  const candidate = await anonymousCandidateBehind(db, input.jobId, input.candidateId);
  if (!candidate) throw notFound();
  if (candidate.applied)
    throw new TRPCError({ code: 'CONFLICT', message: 'This candidate has applied to the job already.' });
  try {
    return await db.transaction(async (tx) => {
      // Locks the employer's row, so two sends at once cannot both pass the daily limit.
      const [company] = await tx
        .select({ name: employers.companyName })
        .from(employers)
        .where(eq(employers.id, employerId))
        .for('update');
      await assertUnderDailyLimit(tx, employerId, now);
      const [row] = await tx
        .insert(candidateInvitations)
        .values({
          jobId: input.jobId,
          jobSeekerId: candidate.seekerId,
          employerId,
          message: input.message,
          createdAt: now,
        })
        .returning({ id: candidateInvitations.id, createdAt: candidateInvitations.createdAt });
      // The in-app notification and its email (as the seeker's preferences say), in this transaction.
      await notifyInvitation(
        tx,
        { id: row!.id, seekerId: candidate.seekerId, jobId: input.jobId, companyName: company?.name ?? 'An employer' },
        { now, publicUrl: deps.publicUrl },
      );
      return {
        id: row!.id,
        candidateId: input.candidateId,
        status: 'open' as const,
        createdAt: row!.createdAt.toISOString(),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'You have invited this candidate to this job already; one invitation per job.',
      });
    throw error;
  }
}

async function assertUnderDailyLimit(tx: Queryable, employerId: number, now: Date) {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const [sent] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n from candidate_invitations
      where employer_id = ${employerId} and created_at > ${since.toISOString()}::timestamptz`),
  );
  if ((sent?.n ?? 0) >= DAILY_INVITATIONS)
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `You can send at most ${DAILY_INVITATIONS} invitations a day. Try again tomorrow.`,
    });
}

/** The seeker's invitations, newest first, with the job and whether they applied since. */
export async function myInvitations(db: Queryable, seekerId: number) {
  const rows = rowsOf<{
    id: number;
    message: string;
    status: InvitationStatus;
    created_at: Date | string;
    responded_at: Date | string | null;
    job_id: number;
    title: string;
    company_name: string;
    location: string | null;
    remote_allowed: boolean;
    job_status: string;
    application_id: number | null;
  }>(
    await db.execute(sql`
      select ci.id, ci.message, ci.status, ci.created_at, ci.responded_at,
             jobs.id as job_id, jobs.title, e.company_name, jobs.location, jobs.remote_allowed, jobs.status as job_status,
             a.id as application_id
      from candidate_invitations ci
      join jobs on jobs.id = ci.job_id join employers e on e.id = jobs.employer_id
      left join applications a on a.job_id = ci.job_id and a.job_seeker_id = ci.job_seeker_id
      where ci.job_seeker_id = ${seekerId}
      order by ci.created_at desc, ci.id desc`),
  );
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    respondedAt: r.responded_at ? new Date(r.responded_at).toISOString() : null,
    job: {
      id: r.job_id,
      title: r.title,
      companyName: r.company_name,
      location: r.location,
      remoteAllowed: r.remote_allowed,
      status: r.job_status,
    },
    applied: r.application_id !== null,
  }));
}

/** Accept or decline, once; another seeker's invitation does not exist for this one. */
export async function respondToInvitation(
  db: Queryable,
  seekerId: number,
  input: { id: number; answer: 'accept' | 'decline' },
  now: Date,
) {
  const [mine] = await db
    .select({ status: candidateInvitations.status, jobId: candidateInvitations.jobId })
    .from(candidateInvitations)
    .where(and(eq(candidateInvitations.id, input.id), eq(candidateInvitations.jobSeekerId, seekerId)));
  if (!mine) throw new TRPCError({ code: 'NOT_FOUND', message: 'This invitation was not found.' });
  const status: InvitationStatus = input.answer === 'accept' ? 'accepted' : 'declined';
  const [updated] = await db
    .update(candidateInvitations)
    .set({ status, respondedAt: now })
    .where(and(eq(candidateInvitations.id, input.id), eq(candidateInvitations.status, 'open')))
    .returning({ id: candidateInvitations.id });
  if (!updated) throw new TRPCError({ code: 'CONFLICT', message: 'You have answered this invitation already.' });
  return { id: input.id, status, jobId: mine.jobId, respondedAt: now.toISOString() };
}

/**
 * The employer's invitations for one job and their answers. A candidate stays a pseudonym
 * until they apply; then the invitation names the application, which carries who they are.
 */
export async function invitationsForJob(db: Queryable, userId: number, jobId: number) {
  const { employerId } = await requireJobAccess(db, userId, jobId, 'manage');
  const rows = rowsOf<{
    id: number;
    message: string;
    status: InvitationStatus;
    created_at: Date | string;
    responded_at: Date | string | null;
    candidate_key: string;
    application_id: number | null;
    first_name: string | null;
    last_name: string | null;
  }>(
    await db.execute(sql`
      select ci.id, ci.message, ci.status, ci.created_at, ci.responded_at, s.candidate_key,
             a.id as application_id,
             case when a.id is not null then s.first_name end as first_name,
             case when a.id is not null then s.last_name end as last_name
      from candidate_invitations ci
      join job_seekers s on s.id = ci.job_seeker_id
      left join applications a on a.job_id = ci.job_id and a.job_seeker_id = ci.job_seeker_id
      where ci.job_id = ${jobId} and ci.employer_id = ${employerId}
      order by ci.created_at desc, ci.id desc`),
  );
  return rows.map((r) => {
    const candidateId = candidateIdOf(r.candidate_key, jobId);
    return {
      id: r.id,
      candidateId,
      pseudonym: pseudonymOf(candidateId),
      message: r.message,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      respondedAt: r.responded_at ? new Date(r.responded_at).toISOString() : null,
      application:
        r.application_id !== null
          ? { id: r.application_id, firstName: r.first_name ?? '', lastName: r.last_name ?? '' }
          : null,
    };
  });
}
