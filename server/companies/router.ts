import { z } from 'zod';
import { recordId } from '../ids.ts';
import { createTRPCRouter, publicProcedure } from '../trpc.ts';
import { getCompany } from './read.ts';

export const companiesRouter = createTRPCRouter({
  /** Anyone may read a company's profile and open jobs; the id is the employer's. */
  get: publicProcedure
    .input(z.object({ id: recordId }))
    .query(({ ctx, input }) => getCompany(ctx.db, input.id, ctx.clock())),
});
