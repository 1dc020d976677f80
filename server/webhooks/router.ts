import { z } from 'zod';
import { createTRPCRouter, employerProcedure } from '../trpc.ts';
import { SOURCE_FORMATS } from '../../db/schema.ts';
import { createSource, deleteSource, listDeliveries, listSources, rotateSecret } from './sources.ts';

const sourceId = z.uuid({ error: 'That is not a job board connection id.' });

export const sourcesRouter = createTRPCRouter({
  /** Returns the signing secret once; it is never shown again (rotate to get a new one). */
  create: employerProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'Name the job board.').max(200),
        format: z.enum(SOURCE_FORMATS, { error: 'Choose json-ld or greenhouse.' }),
      }),
    )
    .mutation(({ ctx, input }) => createSource(ctx.db, ctx.user.id, input, ctx.clock())),

  list: employerProcedure.query(({ ctx }) => listSources(ctx.db, ctx.user.id)),

  rotateSecret: employerProcedure
    .input(z.object({ id: sourceId }))
    .mutation(({ ctx, input }) => rotateSecret(ctx.db, ctx.user.id, input.id, ctx.clock())),

  delete: employerProcedure
    .input(z.object({ id: sourceId }))
    .mutation(({ ctx, input }) => deleteSource(ctx.db, ctx.user.id, input.id)),

  deliveries: employerProcedure
    .input(z.object({ id: sourceId, limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listDeliveries(ctx.db, ctx.user.id, input.id, input.limit)),
});
