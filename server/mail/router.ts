import { recordId } from '../ids.ts';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { adminProcedure, createTRPCRouter } from '../trpc.ts';
import { listDeliveries, listOutbox } from './admin.ts';
import { requeueMessage } from './sender.ts';

export const mailRouter = createTRPCRouter({
  /** The outbox, newest first, optionally one status: what waits, what was sent, what died and why. */
  outbox: adminProcedure
    .input(
      z
        .strictObject({
          status: z.enum(['pending', 'sending', 'sent', 'dead']).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),

  /** Every delivery attempt, newest first, or those of one message. */
  deliveries: adminProcedure
    .input(
      z
        .strictObject({ messageId: recordId.optional(), limit: z.number().int().min(1).max(500).default(100) })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listDeliveries(ctx.db, input)),

  /** Puts a dead message back in the queue, once its transport works again. */
  retry: adminProcedure.input(z.strictObject({ id: recordId })).mutation(async ({ ctx, input }) => {
    if (!(await requeueMessage(ctx.db, input.id, ctx.clock())))
      throw new TRPCError({ code: 'NOT_FOUND', message: 'No dead message has this id.' });
    ctx.drainMail();
    return { requeued: true };
  }),
});
