/**
 * Scheduling an interview: a recruiter proposes times, the candidate chooses one (or asks for
 * others), the recruiter may move or cancel it. One open interview per application. Every change
 * raises nothing but `sequence` in the iCalendar identity: the UID stays, and each REQUEST or
 * CANCEL after the first carries a higher SEQUENCE, so calendars update the event they hold.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import {
  companyMembers,
  type InterviewStatus,
  interviewInterviewers,
  interviewSlots,
  interviews,
} from '../../db/schema.ts';
import { advanceToInterview } from '../applications/service.ts';
import { requireApplicationAccess } from '../companies/access.ts';
import {
  type InterviewMailContext,
  sendInvitations,
  sendOtherTimesRequest,
  sendProposal,
  sendProposalWithdrawn,
} from './mail.ts';
import { factsOf, requireCandidateInterview, requireInterviewAccess } from './read.ts';
import type { ProposeInput, RescheduleInput } from './schemas.ts';

type Slot = { start: Date; end: Date };

/** Applications still open to an interview (an offer or a decision is past that point). */
const SCHEDULABLE = ['submitted', 'reviewed', 'interview'];

function refusePastSlots(slots: Slot[], now: Date) {
  if (slots.some((s) => s.start <= now))
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Propose times in the future.' });
}

async function requireTeamMembers(db: Queryable, companyId: number, userIds: number[]) {
  const unique = [...new Set(userIds)];
  const found = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), inArray(companyMembers.userId, unique)));
  if (found.length !== unique.length)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Some of these interviewers are not on your team.' });
  return unique;
}

async function replaceSlots(tx: Queryable, interviewId: number, slots: Slot[]) {
  await tx.delete(interviewSlots).where(eq(interviewSlots.interviewId, interviewId));
  await tx.insert(interviewSlots).values(slots.map((s) => ({ interviewId, startsAt: s.start, endsAt: s.end })));
}

export async function propose(db: Database, userId: number, input: ProposeInput, context: InterviewMailContext) {
  const application = await requireApplicationAccess(db, userId, input.applicationId, 'manage');
  if (!SCHEDULABLE.includes(application.status))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This application is ${application.status}: it is past the interview stage.`,
    });
  refusePastSlots(input.slots, context.now);
  const interviewerIds = await requireTeamMembers(db, application.membership.companyId, input.interviewerIds);
  const [open] = await db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.applicationId, input.applicationId), ne(interviews.status, 'cancelled')));
  if (open)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'This application has an interview already: move it or cancel it first.',
    });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interviews)
      .values({
        applicationId: input.applicationId,
        proposedBy: userId,
        timeZone: input.timeZone,
        location: input.location,
        videoLink: input.videoLink,
        uid: `${crypto.randomUUID()}@fitwork`,
        createdAt: context.now,
      })
      .returning({ id: interviews.id });
    if (!row) throw new Error('insert into interviews returned no row');
    await replaceSlots(tx, row.id, input.slots);
    await tx.insert(interviewInterviewers).values(interviewerIds.map((u) => ({ interviewId: row.id, userId: u })));
    await sendProposal(tx, await factsOf(tx, row.id), input.slots, context);
    return row.id;
  });
  return { id, status: 'proposed' as InterviewStatus };
}

/**
 * The candidate takes one of the offered times: the interview is scheduled, the application
 * moves on to `interview` (recorded as the proposer's move), and everyone gets the invitation.
 */
export async function choose(
  db: Database,
  seekerId: number,
  input: { interviewId: number; slotId: number },
  context: InterviewMailContext,
) {
  const interview = await requireCandidateInterview(db, seekerId, input.interviewId);
  const [slot] = await db
    .select()
    .from(interviewSlots)
    .where(and(eq(interviewSlots.id, input.slotId), eq(interviewSlots.interviewId, interview.id)));
  if (!slot) throw new TRPCError({ code: 'NOT_FOUND', message: 'This time was not found.' });
  if (interview.status === 'scheduled' || interview.status === 'cancelled')
    throw new TRPCError({ code: 'CONFLICT', message: `This interview is ${interview.status} already.` });
  if (slot.startsAt <= context.now)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This time has passed: choose another, or ask for others.' });
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(interviews)
      .set({ status: 'scheduled', startsAt: slot.startsAt, endsAt: slot.endsAt, updatedAt: context.now })
      .where(and(eq(interviews.id, interview.id), inArray(interviews.status, ['proposed', 'other_times_requested'])))
      .returning({ id: interviews.id });
    if (!updated.length)
      throw new TRPCError({ code: 'CONFLICT', message: 'This interview was changed meanwhile. Reload and try again.' });
    // The move is the proposer's decision, taken when the candidate accepts: the member is the actor.
    const actor = interview.proposedBy
      ? { id: interview.proposedBy, role: 'employer' }
      : { id: seekerId, role: 'job_seeker' };
    await advanceToInterview(tx, interview.applicationId, actor, context.now);
    await sendInvitations(tx, await factsOf(tx, interview.id), 'REQUEST', context);
  });
  return { id: interview.id, status: 'scheduled' as InterviewStatus, start: slot.startsAt.toISOString() };
}

export async function requestOtherTimes(
  db: Database,
  seekerId: number,
  input: { interviewId: number; message: string | null },
  context: InterviewMailContext,
) {
  const interview = await requireCandidateInterview(db, seekerId, input.interviewId);
  if (interview.status !== 'proposed')
    throw new TRPCError({
      code: 'CONFLICT',
      message:
        interview.status === 'other_times_requested'
          ? 'You asked for other times already.'
          : `This interview is ${interview.status}: there are no proposed times to turn down.`,
    });
  await db.transaction(async (tx) => {
    await tx
      .update(interviews)
      .set({ status: 'other_times_requested', updatedAt: context.now })
      .where(eq(interviews.id, interview.id));
    await sendOtherTimesRequest(tx, await factsOf(tx, interview.id), input.message, context);
  });
  return { id: interview.id, status: 'other_times_requested' as InterviewStatus };
}

/**
 * New times for the same interview (same UID, SEQUENCE + 1). One time sets it at once and sends
 * the updated invitation (the two sides agreed on it); several times go back to the candidate to
 * choose, and the invitation follows their choice with the higher SEQUENCE.
 */
export async function reschedule(db: Database, userId: number, input: RescheduleInput, context: InterviewMailContext) {
  const interview = await requireInterviewAccess(db, userId, input.interviewId, 'manage');
  if (interview.status === 'cancelled')
    throw new TRPCError({ code: 'CONFLICT', message: 'This interview is cancelled: propose a new one.' });
  refusePastSlots(input.slots, context.now);
  const [only] = input.slots.length === 1 ? input.slots : [];
  const status: InterviewStatus = only ? 'scheduled' : 'proposed';
  await db.transaction(async (tx) => {
    await tx
      .update(interviews)
      .set({
        status,
        startsAt: only?.start ?? null,
        endsAt: only?.end ?? null,
        timeZone: input.timeZone ?? interview.timeZone,
        sequence: interview.sequence + 1,
        updatedAt: context.now,
      })
      .where(eq(interviews.id, interview.id));
    await replaceSlots(tx, interview.id, input.slots);
    if (only) await advanceToInterview(tx, interview.applicationId, { id: userId, role: 'employer' }, context.now);
    const facts = await factsOf(tx, interview.id);
    if (only) await sendInvitations(tx, facts, 'REQUEST', context);
    else await sendProposal(tx, facts, input.slots, context);
  });
  return { id: interview.id, status };
}

/** Called off (SEQUENCE + 1): a scheduled interview's attendees get METHOD:CANCEL, else the candidate an email. */
export async function cancel(
  db: Database,
  userId: number,
  input: { interviewId: number; reason: string | null },
  context: InterviewMailContext,
) {
  const interview = await requireInterviewAccess(db, userId, input.interviewId, 'manage');
  if (interview.status === 'cancelled')
    throw new TRPCError({ code: 'CONFLICT', message: 'This interview is cancelled already.' });
  await db.transaction(async (tx) => {
    await tx
      .update(interviews)
      .set({ status: 'cancelled', sequence: interview.sequence + 1, updatedAt: context.now })
      .where(eq(interviews.id, interview.id));
    const facts = await factsOf(tx, interview.id);
    if (interview.startsAt) await sendInvitations(tx, facts, 'CANCEL', context, input.reason);
    else await sendProposalWithdrawn(tx, facts, input.reason, context);
  });
  return { id: interview.id, status: 'cancelled' as InterviewStatus };
}
