/**
 * Retention of interviews. The interview itself (when, with whom, its status) is part of the
 * application's hiring record and lives as long as the application does (it cascades with it).
 * What is only logistics goes 90 days after the interview took place or was cancelled: the
 * times offered but not chosen, and the location and video link (a link is often someone's
 * reusable meeting room).
 */
import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { interviewSlots, interviews } from '../../db/schema.ts';

export const INTERVIEW_LOGISTICS_RETENTION_DAYS = 90;

export async function purgeOldInterviewLogistics(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - INTERVIEW_LOGISTICS_RETENTION_DAYS * 24 * 60 * 60_000);
  const over = or(
    and(isNotNull(interviews.endsAt), lt(interviews.endsAt, cutoff)),
    and(eq(interviews.status, 'cancelled'), lt(interviews.updatedAt, cutoff)),
  );
  const done = await db
    .update(interviews)
    .set({ location: null, videoLink: null })
    .where(and(over, or(isNotNull(interviews.location), isNotNull(interviews.videoLink))))
    .returning({ id: interviews.id });
  const slots = await db
    .delete(interviewSlots)
    .where(inArray(interviewSlots.interviewId, db.select({ id: interviews.id }).from(interviews).where(over)))
    .returning({ id: interviewSlots.id });
  return done.length + slots.length;
}
