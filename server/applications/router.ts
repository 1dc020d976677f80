import { z } from 'zod';
import { createTRPCRouter, employerProcedure, seekerProcedure } from '../trpc.ts';
import { applicationsForJob, apply, myApplications, setApplicationStatus, withdraw } from './service.ts';
import { recordId } from '../ids.ts';
import { thenDeliverMail } from '../notifications/notify.ts';

const id = recordId;

export const applicationsRouter = createTRPCRouter({
  /**
   * The contract's `applications.apply`: tRPC reserves `apply` (it would shadow
   * Function.prototype.apply on the client proxy), so the procedure is `submit` and the app
   * answers /trpc/applications.apply as well (server/app.ts).
   */
  submit: seekerProcedure
    .input(
      z.object({
        jobId: id,
        coverLetter: z
          .string()
          .trim()
          .max(10_000, 'A cover letter can be at most 10,000 characters.')
          .transform((v) => (v === '' ? null : v))
          .nullable()
          .default(null),
      }),
    )
    .mutation(({ ctx, input }) =>
      thenDeliverMail(ctx, apply(ctx.db, ctx.user.id, input, ctx.clock(), ctx.config.publicUrl)),
    ),

  mine: seekerProcedure.query(({ ctx }) => myApplications(ctx.db, ctx.user.id)),

  forJob: employerProcedure
    .input(z.object({ jobId: id }))
    .query(({ ctx, input }) => applicationsForJob(ctx.db, ctx.user.id, input.jobId)),

  setStatus: employerProcedure
    .input(
      z.object({
        id,
        status: z.enum(['reviewed', 'interview', 'accepted', 'rejected'], {
          error: 'Choose reviewed, interview, accepted or rejected.',
        }),
      }),
    )
    .mutation(({ ctx, input }) =>
      thenDeliverMail(
        ctx,
        setApplicationStatus(ctx.db, ctx.user.id, input.id, input.status, ctx.clock(), ctx.config.publicUrl),
      ),
    ),

  withdraw: seekerProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => withdraw(ctx.db, ctx.user.id, input.id, ctx.clock())),
});
