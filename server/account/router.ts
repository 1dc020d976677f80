import { z } from 'zod';
import { authedProcedure, createTRPCRouter } from '../trpc.ts';
import { deleteAccount, exportAccount } from './service.ts';

export const accountRouter = createTRPCRouter({
  /** Everything the platform holds about the caller, as one JSON document. */
  export: authedProcedure.query(({ ctx }) => exportAccount(ctx.db, ctx.user, ctx.clock())),

  delete: authedProcedure
    .input(z.object({ password: z.string().min(1, 'Enter your password to confirm.').max(256) }))
    .mutation(async ({ ctx, input }) => {
      const result = await deleteAccount(ctx.db, ctx.files, ctx.passwords, ctx.user, input.password, ctx.clock());
      ctx.cookies.clear();
      return result;
    }),
});
