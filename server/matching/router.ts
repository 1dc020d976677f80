import { z } from 'zod';
import { createTRPCRouter, employerProcedure, seekerProcedure } from '../trpc.ts';
import { careerPaths, GOOD_MATCH } from './career-paths.ts';
import {
  candidatesForJob,
  DISMISS_REASONS,
  dismissMatch,
  markViewed,
  matchesForSeeker,
  undismissMatch,
} from './read.ts';
import { requestReview, respondToReview } from './reviews.ts';
import { thenDeliverMail } from '../notifications/notify.ts';
import { REVIEW_KINDS } from '../../db/schema.ts';
import { recordId } from '../ids.ts';
import { myMatchForJob } from './my-match.ts';

const jobId = recordId;
const minScore = z.number().min(0).max(1).default(0);

export const matchesRouter = createTRPCRouter({
  forMe: seekerProcedure
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(50).default(20),
          minScore,
          cursor: z.string().max(100).optional(),
        })
        .default({ limit: 20, minScore: 0 }),
    )
    .query(({ ctx, input }) => matchesForSeeker(ctx.db, ctx.user.id, ctx.clock(), input)),

  /** The signed-in seeker's own match with one job (the job page shows it), or null. */
  mineForJob: seekerProcedure
    .input(z.object({ jobId }))
    .query(({ ctx, input }) => myMatchForJob(ctx.db, ctx.user.id, input.jobId)),

  markViewed: seekerProcedure
    .input(z.object({ jobId }))
    .mutation(({ ctx, input }) => markViewed(ctx.db, ctx.user.id, input.jobId, ctx.clock())),

  /** "Not relevant": the match is never shown again; the reason is kept as feedback. */
  dismiss: seekerProcedure
    .input(z.object({ jobId, reason: z.enum(DISMISS_REASONS).default('not_relevant') }))
    .mutation(({ ctx, input }) => dismissMatch(ctx.db, ctx.user.id, input.jobId, ctx.clock(), input.reason)),

  /** Undoes a dismissal: the match shows again and its reason is forgotten. */
  undismiss: seekerProcedure
    .input(z.object({ jobId }))
    .mutation(({ ctx, input }) => undismissMatch(ctx.db, ctx.user.id, input.jobId)),

  /** Regenerates the caller's matches now (also done after every resume or skills change). */
  refresh: seekerProcedure.mutation(async ({ ctx }) => {
    ctx.background(() => ctx.hooks.onResumeEmbedded(ctx.user.id));
    return { scheduled: true };
  }),

  /** Contest the score of a match, or ask for a person to review the candidacy; the employer sees it. */
  requestReview: seekerProcedure
    .input(
      z.object({
        jobId,
        kind: z.enum(REVIEW_KINDS),
        message: z
          .string()
          .trim()
          .min(10, 'Say in a sentence or two what a person should look at.')
          .max(2000, 'Keep it under 2,000 characters.'),
      }),
    )
    .mutation(({ ctx, input }) =>
      thenDeliverMail(
        ctx,
        ctx.db.transaction((tx) => requestReview(tx, ctx.user.id, input, ctx.clock(), ctx.config.publicUrl)),
      ),
    ),

  /** The employer of the job answers a review request (a person's answer, recorded). */
  respondToReview: employerProcedure
    .input(
      z.object({
        reviewId: recordId,
        response: z.string().trim().min(2, 'Write your answer.').max(2000, 'Keep it under 2,000 characters.'),
      }),
    )
    .mutation(({ ctx, input }) =>
      thenDeliverMail(
        ctx,
        ctx.db.transaction((tx) => respondToReview(tx, ctx.user.id, input, ctx.clock(), ctx.config.publicUrl)),
      ),
    ),

  /** The few skills that would open the most additional good matches, with those jobs. */
  careerPaths: seekerProcedure
    .input(
      z.object({ threshold: z.number().min(0.3).max(0.95).default(GOOD_MATCH) }).default({ threshold: GOOD_MATCH }),
    )
    .query(({ ctx, input }) => careerPaths(ctx.db, ctx.user.id, ctx.clock(), input.threshold)),

  candidatesForJob: employerProcedure
    .input(z.object({ jobId, minScore }))
    .query(({ ctx, input }) => candidatesForJob(ctx.db, ctx.user.id, input.jobId, input.minScore)),
});
