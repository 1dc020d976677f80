/**
 * Reading interviews: an application's (for its company's members), a person's own (the
 * candidate's, or a member's assigned ones), and the facts an email or invitation is written from.
 */
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  applications,
  calendarFeeds,
  employers,
  interviewInterviewers,
  interviewSlots,
  interviews,
  jobSeekers,
  jobs,
  users,
} from '../../db/schema.ts';
import { membershipOf, requireApplicationAccess } from '../companies/access.ts';

export type InterviewRow = typeof interviews.$inferSelect;

/** Everything the messages of one interview are written from: who, what job, which company. */
export interface InterviewFacts {
  interview: InterviewRow;
  companyId: number;
  companyName: string;
  jobTitle: string;
  candidate: { userId: number; email: string; name: string } | null;
  /** The proposer and the assigned interviewers who are still members: who the company side is. */
  team: { userId: number; email: string }[];
}

const NOT_FOUND = () => new TRPCError({ code: 'NOT_FOUND', message: 'This interview was not found.' });

export async function factsOf(db: Queryable, interviewId: number): Promise<InterviewFacts> {
  const [row] = await db
    .select({
      interview: interviews,
      companyId: jobs.employerId,
      companyName: employers.companyName,
      jobTitle: jobs.title,
      seekerId: applications.jobSeekerId,
      email: users.email,
      firstName: jobSeekers.firstName,
      lastName: jobSeekers.lastName,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .leftJoin(users, eq(users.id, applications.jobSeekerId))
    .leftJoin(jobSeekers, eq(jobSeekers.id, applications.jobSeekerId))
    .where(eq(interviews.id, interviewId));
  if (!row) throw NOT_FOUND();
  const assigned = await db
    .select({ userId: interviewInterviewers.userId })
    .from(interviewInterviewers)
    .where(eq(interviewInterviewers.interviewId, interviewId));
  const teamIds = [...new Set([row.interview.proposedBy, ...assigned.map((a) => a.userId)])].filter(
    (id): id is number => id !== null,
  );
  const team = teamIds.length
    ? await db.select({ userId: users.id, email: users.email }).from(users).where(inArray(users.id, teamIds))
    : [];
  const members = await stillMembers(db, row.companyId, teamIds);
  return {
    interview: row.interview,
    companyId: row.companyId,
    companyName: row.companyName,
    jobTitle: row.jobTitle,
    candidate:
      row.seekerId !== null && row.email !== null
        ? { userId: row.seekerId, email: row.email, name: `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim() }
        : null,
    team: team.filter((m) => members.has(m.userId)),
  };
}

async function stillMembers(db: Queryable, companyId: number, userIds: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const userId of userIds) {
    const membership = await membershipOf(db, userId);
    if (membership?.companyId === companyId) found.add(userId);
  }
  return found;
}

/** The interview, if the caller's company owns its application and their role allows `need`. */
export async function requireInterviewAccess(
  db: Queryable,
  userId: number,
  interviewId: number,
  need: 'manage' | 'view-assigned',
) {
  const [row] = await db.select().from(interviews).where(eq(interviews.id, interviewId));
  if (!row) throw NOT_FOUND();
  try {
    await requireApplicationAccess(db, userId, row.applicationId, need);
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw NOT_FOUND();
    throw error;
  }
  return row;
}

/** The interview, if it is about the seeker's own application. */
export async function requireCandidateInterview(db: Queryable, seekerId: number, interviewId: number) {
  const [row] = await db
    .select({ interview: interviews })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(interviews.id, interviewId), eq(applications.jobSeekerId, seekerId)));
  if (!row) throw NOT_FOUND();
  return row.interview;
}

async function slotsOf(db: Queryable, interviewIds: number[]) {
  const bySlot = new Map<number, { id: number; start: string; end: string }[]>();
  if (!interviewIds.length) return bySlot;
  const rows = await db
    .select()
    .from(interviewSlots)
    .where(inArray(interviewSlots.interviewId, interviewIds))
    .orderBy(asc(interviewSlots.startsAt), asc(interviewSlots.id));
  for (const slot of rows) {
    const list = bySlot.get(slot.interviewId) ?? [];
    list.push({ id: slot.id, start: slot.startsAt.toISOString(), end: slot.endsAt.toISOString() });
    bySlot.set(slot.interviewId, list);
  }
  return bySlot;
}

async function interviewersOf(db: Queryable, interviewIds: number[]) {
  const byInterview = new Map<number, { userId: number; email: string }[]>();
  if (!interviewIds.length) return byInterview;
  const rows = await db
    .select({ interviewId: interviewInterviewers.interviewId, userId: users.id, email: users.email })
    .from(interviewInterviewers)
    .innerJoin(users, eq(users.id, interviewInterviewers.userId))
    .where(inArray(interviewInterviewers.interviewId, interviewIds))
    .orderBy(asc(users.id));
  for (const { interviewId, ...person } of rows) {
    byInterview.set(interviewId, [...(byInterview.get(interviewId) ?? []), person]);
  }
  return byInterview;
}

function publicView(row: InterviewRow, slots: { id: number; start: string; end: string }[]) {
  return {
    id: row.id,
    applicationId: row.applicationId,
    status: row.status,
    timeZone: row.timeZone,
    location: row.location,
    videoLink: row.videoLink,
    start: row.startsAt?.toISOString() ?? null,
    end: row.endsAt?.toISOString() ?? null,
    slots,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

/** An application's interviews, newest first, for the members who may see it. */
export async function interviewsForApplication(db: Queryable, userId: number, applicationId: number) {
  await requireApplicationAccess(db, userId, applicationId, 'view-assigned');
  const rows = await db
    .select()
    .from(interviews)
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(desc(interviews.createdAt), desc(interviews.id));
  const ids = rows.map((r) => r.id);
  const [slots, interviewers] = await Promise.all([slotsOf(db, ids), interviewersOf(db, ids)]);
  return rows.map((row) => ({
    ...publicView(row, slots.get(row.id) ?? []),
    proposedBy: row.proposedBy,
    interviewers: interviewers.get(row.id) ?? [],
  }));
}

/** A seeker's interviews across their applications: the times offered or set, never who interviews. */
export async function candidateInterviews(db: Queryable, seekerId: number) {
  const rows = await db
    .select({ interview: interviews, jobTitle: jobs.title, companyName: employers.companyName })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(applications.jobSeekerId, seekerId))
    .orderBy(desc(interviews.createdAt), desc(interviews.id));
  const slots = await slotsOf(
    db,
    rows.map((r) => r.interview.id),
  );
  return rows.map((r) => ({
    ...publicView(r.interview, slots.get(r.interview.id) ?? []),
    jobTitle: r.jobTitle,
    companyName: r.companyName,
  }));
}

/**
 * A member's interviews: those they are assigned to, and (owners, recruiters) those they
 * proposed. An interviewer never sees another interviewer's.
 */
export async function memberInterviews(db: Queryable, userId: number) {
  const membership = await membershipOf(db, userId);
  if (!membership) return [];
  const assigned = db
    .select({ id: interviewInterviewers.interviewId })
    .from(interviewInterviewers)
    .where(eq(interviewInterviewers.userId, userId));
  const mine =
    membership.role === 'interviewer'
      ? inArray(interviews.id, assigned)
      : or(inArray(interviews.id, assigned), eq(interviews.proposedBy, userId));
  const rows = await db
    .select({
      interview: interviews,
      jobTitle: jobs.title,
      firstName: jobSeekers.firstName,
      lastName: jobSeekers.lastName,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .leftJoin(jobSeekers, eq(jobSeekers.id, applications.jobSeekerId))
    .where(and(eq(jobs.employerId, membership.companyId), mine))
    .orderBy(asc(interviews.startsAt), desc(interviews.id));
  const ids = rows.map((r) => r.interview.id);
  const [slots, interviewers] = await Promise.all([slotsOf(db, ids), interviewersOf(db, ids)]);
  return rows.map((r) => ({
    ...publicView(r.interview, slots.get(r.interview.id) ?? []),
    jobTitle: r.jobTitle,
    candidateName: r.firstName ? `${r.firstName} ${r.lastName ?? ''}`.trim() : 'Anonymous candidate',
    interviewers: interviewers.get(r.interview.id) ?? [],
    // The iCalendar identity, as the invitations carry it: the feed's events are the same events.
    uid: r.interview.uid,
    sequence: r.interview.sequence,
  }));
}

/** What the feed lists: the member's interviews that have (or had) a time. */
export async function feedInterviews(db: Queryable, userId: number) {
  return (await memberInterviews(db, userId)).filter((i) => i.start !== null);
}

export async function feedCreatedAt(db: Queryable, userId: number): Promise<string | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNotNull(calendarFeeds.createdAt)));
  return row?.createdAt.toISOString() ?? null;
}
