import { z } from 'zod';
import { RECOMMENDATIONS } from '../../db/schema.ts';
import { recordId } from '../ids.ts';
import { createTRPCRouter, employerProcedure } from '../trpc.ts';
import {
  myAssignments,
  NOTES_MAX,
  RATING_MAX,
  RATING_MIN,
  scorecardsForApplication,
  submitScorecard,
} from './service.ts';

const rating = z
  .number({ error: 'Rate each skill from 1 to 4.' })
  .int('Rate each skill from 1 to 4.')
  .min(RATING_MIN, 'Rate each skill from 1 to 4.')
  .max(RATING_MAX, 'Rate each skill from 1 to 4.');

const notes = z
  .string()
  .trim()
  .max(NOTES_MAX, `Notes can be at most ${NOTES_MAX.toLocaleString('en-US')} characters.`)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

export const scorecardsRouter = createTRPCRouter({
  /** An assigned interviewer's card: one rating per skill the job asks for; sending again edits it. */
  submit: employerProcedure
    .input(
      z
        .object({
          applicationId: recordId,
          ratings: z.array(z.object({ skillId: recordId, rating }).strict()).max(100, 'Too many ratings.'),
          recommendation: z.enum(RECOMMENDATIONS, {
            error: 'Choose a recommendation: strong no, no, yes or strong yes.',
          }),
          notes,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => submitScorecard(ctx.db, ctx.user.id, input, ctx.clock())),

  forApplication: employerProcedure
    .input(z.object({ applicationId: recordId }).strict())
    .query(({ ctx, input }) => scorecardsForApplication(ctx.db, ctx.user.id, input.applicationId)),

  /** The applications the caller interviews, and whether their card is in: the feedback page's list. */
  mine: employerProcedure.query(({ ctx }) => myAssignments(ctx.db, ctx.user.id)),
});
