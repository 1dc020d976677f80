/** What the teams hold about a person: for account.export and account.delete. */
import { TRPCError } from '@trpc/server';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  applications,
  calendarFeeds,
  companyInvitations,
  companyMembers,
  interviewInterviewers,
  jobSources,
  jobs,
  outboxMessages,
  scorecards,
} from '../../db/schema.ts';
import { membershipOf } from './access.ts';
import { ownerCount } from './members.ts';

export async function exportTeamData(db: Queryable, userId: number) {
  return {
    membership: await membershipOf(db, userId),
    interviewsAssigned: (
      await db
        .select({ interviewId: interviewInterviewers.interviewId })
        .from(interviewInterviewers)
        .where(eq(interviewInterviewers.userId, userId))
    ).map((r) => r.interviewId),
    scorecardsWritten: await db
      .select({
        applicationId: scorecards.applicationId,
        ratings: scorecards.ratings,
        recommendation: scorecards.recommendation,
        notes: scorecards.notes,
        createdAt: scorecards.createdAt,
      })
      .from(scorecards)
      .where(eq(scorecards.interviewerId, userId)),
    calendarFeed:
      (
        await db
          .select({ createdAt: calendarFeeds.createdAt })
          .from(calendarFeeds)
          .where(eq(calendarFeeds.userId, userId))
      )[0] ?? null,
  };
}

export const HAND_OVER_FIRST =
  'Your company has other members and you are its only owner: make one of them owner on the Team page first, then delete your account.';

/**
 * An employer leaves: the last member closes the company (its jobs close, its boards are
 * disconnected, as for a company of one before teams); anyone else just leaves it. The only
 * owner of a company with other members is asked to hand over ownership first (CONFLICT).
 */
export async function leaveCompanyOnErasure(tx: Queryable, userId: number, email: string, now: Date) {
  const membership = await membershipOf(tx, userId);
  if (membership) {
    const [others] = await tx
      .select({ n: count() })
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, membership.companyId), ne(companyMembers.userId, userId)));
    if ((others?.n ?? 0) > 0) {
      if (membership.role === 'owner' && (await ownerCount(tx, membership.companyId)) <= 1)
        throw new TRPCError({ code: 'CONFLICT', message: HAND_OVER_FIRST });
    } else {
      await tx
        .update(jobs)
        .set({ status: 'closed', updatedAt: now })
        .where(and(eq(jobs.employerId, membership.companyId), inArray(jobs.status, ['active', 'draft'])));
      await tx.delete(jobSources).where(eq(jobSources.employerId, membership.companyId));
    }
  }
  await tx.delete(companyMembers).where(eq(companyMembers.userId, userId));
  await tx.delete(interviewInterviewers).where(eq(interviewInterviewers.userId, userId));
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  // Scorecards stay the company's record of its decision; the author's own words go.
  await tx.update(scorecards).set({ notes: null }).where(eq(scorecards.interviewerId, userId));
  await eraseInvitationsTo(tx, email);
}

/**
 * Invitations addressed to this person, whoever sent them: their address goes, with the emails
 * that carried them (sent before the account existed, they name no recipient user).
 */
export async function eraseInvitationsTo(tx: Queryable, email: string) {
  await tx.delete(companyInvitations).where(eq(companyInvitations.email, email));
  await tx
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.kind, 'team_invitation'), eq(outboxMessages.toAddress, email)));
}

/** A candidate erased: what interviewers wrote about them goes, the ratings stay (anonymous). */
export async function eraseScorecardNotesAbout(tx: Queryable, seekerId: number) {
  const theirs = tx.select({ id: applications.id }).from(applications).where(eq(applications.jobSeekerId, seekerId));
  await tx.update(scorecards).set({ notes: null }).where(inArray(scorecards.applicationId, theirs));
}
