import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { recordId } from '../ids.ts';
import { authedProcedure, createTRPCRouter } from '../trpc.ts';
import { listNotifications, markRead, PAGE_SIZE, unreadCount } from './center.ts';
import { KIND_INFO, NOTIFICATION_KINDS } from './kinds.ts';
import { listPreferences, setPreference } from './preferences.ts';

const kind = z.enum(NOTIFICATION_KINDS, { error: 'This is not a kind of notification.' });

export const notificationsRouter = createTRPCRouter({
  /** The caller's notifications, newest first, a page at a time. */
  list: authedProcedure
    .input(
      z
        .strictObject({
          cursor: z.string().max(40).nullish(),
          limit: z.number().int().min(1).max(50).default(PAGE_SIZE),
          unreadOnly: z.boolean().default(false),
        })
        .default({ limit: PAGE_SIZE, unreadOnly: false }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  unreadCount: authedProcedure.query(async ({ ctx }) => ({ unread: await unreadCount(ctx.db, ctx.user.id) })),

  /** Marks some of the caller's notifications read (`ids`), or all of them (`all: true`). */
  markRead: authedProcedure
    .input(
      z.union([z.strictObject({ ids: z.array(recordId).min(1).max(100) }), z.strictObject({ all: z.literal(true) })]),
    )
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input, ctx.clock())),

  /** Every kind the caller's role receives, with its in-app and email channels. */
  preferences: authedProcedure.query(({ ctx }) => listPreferences(ctx.db, ctx.user.id, ctx.user.userType)),

  /** Turns channels of some kinds on or off; a channel left out keeps its value. */
  setPreferences: authedProcedure
    .input(
      z.strictObject({
        preferences: z
          .array(z.strictObject({ kind, inApp: z.boolean().optional(), email: z.boolean().optional() }))
          .min(1)
          .max(NOTIFICATION_KINDS.length),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const foreign = input.preferences.find((p) => KIND_INFO[p.kind].audience !== ctx.user.userType);
      if (foreign)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Your account does not receive "${KIND_INFO[foreign.kind].label}".`,
        });
      const now = ctx.clock();
      await ctx.db.transaction(async (tx) => {
        for (const change of input.preferences) await setPreference(tx, ctx.user.id, change, now);
      });
      return listPreferences(ctx.db, ctx.user.id, ctx.user.userType);
    }),
});
