import { z } from 'zod';
import { REJECTION_REASONS } from '../../db/schema.ts';
import { applicationResume } from '../files/resumes.ts';
import { recordId } from '../ids.ts';
import { createTRPCRouter, employerProcedure, seekerProcedure } from '../trpc.ts';
import {
  addNote,
  applicationsForJob,
  apply,
  MAX_BULK_MOVE,
  myApplications,
  notesOf,
  setApplicationStatus,
  setStatusMany,
  withdraw,
} from './service.ts';
import { thenDeliverMail } from '../notifications/notify.ts';

const id = recordId;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max.toLocaleString('en-US')} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const employerStatus = z.enum(['reviewed', 'interview', 'offer', 'accepted', 'rejected'], {
  error: 'Choose reviewed, interview, offer, accepted or rejected.',
});

/** Why, from the fixed list; the employer's own words (private); what the candidate is told (optional). */
const rejection = z
  .object({
    reason: z.enum(REJECTION_REASONS, { error: 'Choose a reason from the list.' }),
    detail: optionalText(2_000, 'The detail'),
    message: optionalText(2_000, 'The message to the candidate'),
  })
  .strict()
  .nullable()
  .default(null);

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
      thenDeliverMail(ctx, apply(ctx.db, ctx.files, ctx.user.id, input, ctx.clock(), ctx.config.publicUrl)),
    ),

  mine: seekerProcedure.query(({ ctx }) => myApplications(ctx.db, ctx.user.id)),

  forJob: employerProcedure
    .input(z.object({ jobId: id }))
    .query(({ ctx, input }) => applicationsForJob(ctx.db, ctx.user.id, input.jobId)),

  /** The resume the application was sent with (a snapshot), for the job's employer. */
  resume: employerProcedure
    .input(z.object({ applicationId: id }))
    .query(({ ctx, input }) => applicationResume(ctx.db, ctx.user, input.applicationId)),

  setStatus: employerProcedure
    .input(z.object({ id, status: employerStatus, rejection }))
    .mutation(({ ctx, input }) =>
      thenDeliverMail(
        ctx,
        setApplicationStatus(
          ctx.db,
          ctx.user.id,
          input.id,
          input.status,
          ctx.clock(),
          ctx.config.publicUrl,
          input.rejection,
        ),
      ),
    ),

  /** The board's bulk move: each application authorized and moved on its own. */
  setStatusMany: employerProcedure
    .input(
      z.object({
        ids: z
          .array(id)
          .min(1, 'Choose at least one application.')
          .max(MAX_BULK_MOVE, `At most ${MAX_BULK_MOVE} applications move at once.`),
        status: employerStatus,
        rejection,
      }),
    )
    .mutation(({ ctx, input }) =>
      thenDeliverMail(
        ctx,
        setStatusMany(ctx.db, ctx.user.id, input.ids, input.status, ctx.clock(), ctx.config.publicUrl, input.rejection),
      ),
    ),

  addNote: employerProcedure
    .input(
      z.object({
        applicationId: id,
        body: z.string().trim().min(1, 'Write the note first.').max(5_000, 'A note can be at most 5,000 characters.'),
      }),
    )
    .mutation(({ ctx, input }) => addNote(ctx.db, ctx.user.id, input.applicationId, input.body, ctx.clock())),

  notes: employerProcedure
    .input(z.object({ applicationId: id }))
    .query(({ ctx, input }) => notesOf(ctx.db, ctx.user.id, input.applicationId)),

  withdraw: seekerProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => withdraw(ctx.db, ctx.user.id, input.id, ctx.clock())),
});
