/** interviews.*: scheduling an application's interview, each side's list, a member's calendar feed. */
import { TRPCError } from '@trpc/server';
import { thenDeliverMail } from '../notifications/notify.ts';
import { authedProcedure, type Context, createTRPCRouter, employerProcedure, seekerProcedure } from '../trpc.ts';
import { renewCalendarFeed, revokeCalendarFeed } from './feed.ts';
import { type InterviewMailContext, organizerAddress } from './mail.ts';
import { candidateInterviews, feedCreatedAt, interviewsForApplication, memberInterviews } from './read.ts';
import {
  cancelInput,
  chooseInput,
  forApplicationInput,
  proposeInput,
  requestOtherTimesInput,
  rescheduleInput,
} from './schemas.ts';
import { cancel, choose, propose, requestOtherTimes, reschedule } from './service.ts';

const mailContext = (ctx: Context): InterviewMailContext => ({
  now: ctx.clock(),
  publicUrl: ctx.config.publicUrl,
  organizerEmail: organizerAddress(ctx.config.mailFrom, ctx.config.publicUrl),
});

export const interviewsRouter = createTRPCRouter({
  propose: employerProcedure
    .input(proposeInput)
    .mutation(({ ctx, input }) => thenDeliverMail(ctx, propose(ctx.db, ctx.user.id, input, mailContext(ctx)))),

  choose: seekerProcedure
    .input(chooseInput)
    .mutation(({ ctx, input }) => thenDeliverMail(ctx, choose(ctx.db, ctx.user.id, input, mailContext(ctx)))),

  requestOtherTimes: seekerProcedure
    .input(requestOtherTimesInput)
    .mutation(({ ctx, input }) =>
      thenDeliverMail(ctx, requestOtherTimes(ctx.db, ctx.user.id, input, mailContext(ctx))),
    ),

  reschedule: employerProcedure
    .input(rescheduleInput)
    .mutation(({ ctx, input }) => thenDeliverMail(ctx, reschedule(ctx.db, ctx.user.id, input, mailContext(ctx)))),

  cancel: employerProcedure
    .input(cancelInput)
    .mutation(({ ctx, input }) => thenDeliverMail(ctx, cancel(ctx.db, ctx.user.id, input, mailContext(ctx)))),

  forApplication: employerProcedure
    .input(forApplicationInput)
    .query(({ ctx, input }) => interviewsForApplication(ctx.db, ctx.user.id, input.applicationId)),

  /** The seeker's interviews, or the member's own (with whether their calendar feed is on). */
  mine: authedProcedure.query(async ({ ctx }) => {
    if (ctx.user.userType === 'job_seeker')
      return { role: 'candidate' as const, interviews: await candidateInterviews(ctx.db, ctx.user.id), feed: null };
    if (ctx.user.userType !== 'employer')
      throw new TRPCError({ code: 'FORBIDDEN', message: 'This is only available to job seekers and employers.' });
    const interviews = (await memberInterviews(ctx.db, ctx.user.id)).map(({ uid: _uid, ...view }) => view);
    const createdAt = await feedCreatedAt(ctx.db, ctx.user.id);
    return { role: 'member' as const, interviews, feed: createdAt ? { createdAt } : null };
  }),

  /** A new private feed URL (shown this once: only its hash is kept); an earlier one stops working. */
  calendarFeed: employerProcedure.mutation(({ ctx }) =>
    renewCalendarFeed(ctx.db, ctx.user.id, ctx.config.publicUrl, ctx.clock()),
  ),

  revokeCalendarFeed: employerProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.db, ctx.user.id)),
});
