/**
 * Human oversight of scores: a seeker contests a match score or asks for a person to review
 * their candidacy; the job's employer sees the request beside the candidate and answers it.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { matches, matchReviews, type REVIEW_KINDS } from '../../db/schema.ts';
import { requireJobAccess } from '../companies/access.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { notifyReviewAnswered, notifyReviewRequested } from '../notifications/events.ts';

export type ReviewKind = (typeof REVIEW_KINDS)[number];

export async function requestReview(
  db: Queryable,
  seekerId: number,
  input: { jobId: number; kind: ReviewKind; message: string },
  now: Date,
  publicUrl: string,
) {
  const [match] = await db
    .select({ overallScore: matches.overallScore, algorithmVersion: matches.algorithmVersion })
    .from(matches)
    .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, input.jobId)));
  if (!match) throw new TRPCError({ code: 'NOT_FOUND', message: 'This match was not found.' });
  try {
    const [row] = await db
      .insert(matchReviews)
      .values({
        jobSeekerId: seekerId,
        jobId: input.jobId,
        kind: input.kind,
        message: input.message,
        contestedScore: match.overallScore,
        algorithmVersion: match.algorithmVersion,
        createdAt: now,
      })
      .returning({ id: matchReviews.id, status: matchReviews.status, createdAt: matchReviews.createdAt });
    await notifyReviewRequested(db, row!.id, { now, publicUrl });
    return { id: row!.id, status: row!.status, createdAt: row!.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'You already asked about this job; the employer has not answered yet.',
      });
    throw error;
  }
}

export async function respondToReview(
  db: Queryable,
  userId: number,
  input: { reviewId: number; response: string },
  now: Date,
  publicUrl: string,
) {
  const notFound = new TRPCError({ code: 'NOT_FOUND', message: 'This review request was not found.' });
  const [review] = await db
    .select({ jobId: matchReviews.jobId })
    .from(matchReviews)
    .where(eq(matchReviews.id, input.reviewId));
  if (!review) throw notFound;
  await requireJobAccess(db, userId, review.jobId, 'manage').catch((error: unknown) => {
    throw error instanceof TRPCError && error.code === 'NOT_FOUND' ? notFound : error;
  });
  const [answered] = await db
    .update(matchReviews)
    .set({ status: 'answered', response: input.response, respondedBy: userId, respondedAt: now })
    .where(and(eq(matchReviews.id, input.reviewId), eq(matchReviews.status, 'open')))
    .returning({ id: matchReviews.id });
  if (!answered) throw new TRPCError({ code: 'CONFLICT', message: 'This request has been answered already.' });
  await notifyReviewAnswered(db, answered.id, { now, publicUrl });
  return { id: answered.id, status: 'answered' as const, respondedAt: now.toISOString() };
}

/**
 * The latest request per seeker and job, as both sides see it: a left join of `review` to the
 * rows of matches `m`, for one seeker's matches or one job's. The requests of that seeker (or
 * job) are read once; a lateral look-up per match rescanned the table for each of them, and on
 * PGlite every rescan asks the file system for the table's size (issue 23: 13.6% of the database
 * thread under the feed's load was `fstat`).
 */
export const latestReviewJoin = (of: { seekerId: number } | { jobId: number }) => sql`
  left join (
    select distinct on (r.job_seeker_id, r.job_id)
           r.job_seeker_id, r.job_id, r.id, r.kind, r.message, r.contested_score, r.status, r.response, r.created_at, r.responded_at
    from match_reviews r
    where ${'seekerId' in of ? sql`r.job_seeker_id = ${of.seekerId}` : sql`r.job_id = ${of.jobId}`}
    order by r.job_seeker_id, r.job_id, r.created_at desc, r.id desc
  ) review on review.job_seeker_id = m.job_seeker_id and review.job_id = m.job_id`;

export interface ReviewRow {
  review_id: number | null;
  review_kind: ReviewKind | null;
  review_message: string | null;
  review_contested_score: number | null;
  review_status: 'open' | 'answered' | null;
  review_response: string | null;
  review_created_at: Date | string | null;
  review_responded_at: Date | string | null;
}

export const reviewColumns = sql`review.id as review_id, review.kind as review_kind, review.message as review_message, review.contested_score as review_contested_score,
  review.status as review_status, review.response as review_response, review.created_at as review_created_at, review.responded_at as review_responded_at`;

export function reviewOf(r: ReviewRow) {
  if (r.review_id === null) return null;
  return {
    id: r.review_id,
    kind: r.review_kind!,
    message: r.review_message!,
    contestedScore: r.review_contested_score,
    status: r.review_status!,
    response: r.review_response,
    createdAt: new Date(r.review_created_at!).toISOString(),
    respondedAt: r.review_responded_at ? new Date(r.review_responded_at).toISOString() : null,
  };
}
