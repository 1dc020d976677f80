import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ALGORITHMS } from '../matching/algorithms.ts';
import { findExperiment, listExperiments, startExperiment, stopExperiment } from './assignment.ts';
import { experimentResults, qualityByWeek } from './quality.ts';
import { rescoreToCurrentAssignment } from './rescore.ts';
import { adminProcedure, createTRPCRouter } from '../trpc.ts';
import { recordId } from '../ids.ts';

const experimentId = z.object({ id: recordId });

/** Batches a start or stop moves at once; the scheduled sweep does the rest. */
const RESCORE_BATCHES_AFTER_CHANGE = 10;

type AdminContext = Parameters<Parameters<typeof adminProcedure.query>[0]>[0]['ctx'];
const rescoreSoon = (ctx: AdminContext) =>
  ctx.background(async () => {
    for (let i = 0; i < RESCORE_BATCHES_AFTER_CHANGE; i++)
      if ((await rescoreToCurrentAssignment(ctx.db, ctx.clock(), undefined, ctx.config.matchingAlgorithm)) === 0) break;
  });

/** A/B tests of matching algorithms and match quality over time, for admins. */
export const experimentsRouter = createTRPCRouter({
  list: adminProcedure.query(async ({ ctx }) => ({
    experiments: await listExperiments(ctx.db),
    algorithms: Object.values(ALGORITHMS).map(({ name, description }) => ({ name, description })),
  })),

  start: adminProcedure
    .input(
      z.object({
        name: z
          .string()
          .trim()
          .min(3, 'Name the experiment (3 characters or more).')
          .max(100)
          .regex(/^[\w .:-]+$/, 'Use letters, digits, spaces and . : - _ only.'),
        arms: z
          .array(
            z
              .object({
                algorithm: z.string().min(1).max(50),
                share: z.number().gt(0, 'Each share must be above 0.').max(1),
              })
              .strict(),
          )
          .min(2, 'An experiment needs at least two arms.')
          .max(5),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const experiment = await startExperiment(ctx.db, ctx.user.id, input, ctx.clock());
      rescoreSoon(ctx);
      return experiment;
    }),

  stop: adminProcedure.input(experimentId).mutation(async ({ ctx, input }) => {
    const experiment = await stopExperiment(ctx.db, input.id, ctx.clock());
    rescoreSoon(ctx);
    return experiment;
  }),

  results: adminProcedure.input(experimentId).query(async ({ ctx, input }) => {
    const experiment = await findExperiment(ctx.db, input.id);
    if (!experiment) throw new TRPCError({ code: 'NOT_FOUND', message: 'This experiment was not found.' });
    return { experiment, arms: await experimentResults(ctx.db, experiment) };
  }),

  /** Every algorithm, every week of scoring: view, apply, interview and "not relevant" rates. */
  quality: adminProcedure.query(({ ctx }) => qualityByWeek(ctx.db)),
});
