import { z } from 'zod';
import { requireCompanyAccess } from '../companies/access.ts';
import type { Context } from '../trpc.ts';
import { createTRPCRouter, employerProcedure } from '../trpc.ts';
import { SOURCE_FORMATS } from '../../db/schema.ts';
import { createSource, deleteSource, listDeliveries, listSources, rotateSecret } from './sources.ts';

/** Boards belong to the company; its owners and recruiters manage them. */
const companyOf = async (ctx: Context & { user: { id: number } }) =>
  (await requireCompanyAccess(ctx.db, ctx.user.id, 'manage')).companyId;

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
    .mutation(async ({ ctx, input }) => createSource(ctx.db, await companyOf(ctx), input, ctx.clock())),

  list: employerProcedure.query(async ({ ctx }) => listSources(ctx.db, await companyOf(ctx), ctx.clock())),

  rotateSecret: employerProcedure
    .input(z.object({ id: sourceId }))
    .mutation(async ({ ctx, input }) => rotateSecret(ctx.db, await companyOf(ctx), input.id, ctx.clock())),

  delete: employerProcedure
    .input(z.object({ id: sourceId }))
    .mutation(async ({ ctx, input }) => deleteSource(ctx.db, await companyOf(ctx), input.id)),

  deliveries: employerProcedure
    .input(z.object({ id: sourceId, limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => listDeliveries(ctx.db, await companyOf(ctx), input.id, input.limit)),
});
