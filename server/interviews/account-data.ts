/** What interviews hold about a candidate: for account.export and account.delete. */
import { and, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { applications, interviews, outboxMessages } from '../../db/schema.ts';
import { candidateInterviews } from './read.ts';

export async function exportCandidateInterviews(db: Queryable, seekerId: number) {
  return { interviews: await candidateInterviews(db, seekerId) };
}

/**
 * A candidate erased (before their applications lose their name): their open interviews are
 * called off (the members' feeds show them cancelled), and the emails that carried their own
 * words to the company (asking for other times) go. The interviews stay, anonymous, with the
 * application they belong to.
 */
export async function eraseCandidateInterviews(tx: Queryable, seekerId: number, now: Date) {
  const theirs = await tx
    .select({ id: interviews.id })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(eq(applications.jobSeekerId, seekerId));
  const ids = theirs.map((i) => i.id);
  if (!ids.length) return;
  await tx
    .update(interviews)
    .set({ status: 'cancelled', sequence: sql`${interviews.sequence} + 1`, updatedAt: now })
    .where(and(inArray(interviews.id, ids), ne(interviews.status, 'cancelled')));
  await tx
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.kind, 'interview_other_times'),
        or(...ids.map((id) => like(outboxMessages.idempotencyKey, `interview:${id}:%`))),
      ),
    );
}
