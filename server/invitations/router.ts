import { z } from 'zod';
import { recordId } from '../ids.ts';
import { createTRPCRouter, employerProcedure, seekerProcedure } from '../trpc.ts';
import {
  invitationsForJob,
  MAX_INVITATION_MESSAGE,
  myInvitations,
  respondToInvitation,
  sendInvitation,
} from './service.ts';

export const invitationsRouter = createTRPCRouter({
  /** Invite an anonymous candidate of one's own job to apply; the seeker gets an email. */
  send: employerProcedure
    .input(
      z
        .object({
          jobId: recordId,
          // A candidate id is 32 characters of base32 (server/matching/anonymous.ts).
          candidateId: z.string().regex(/^[A-Z2-7]{32}$/, 'This candidate id is not valid.'),
          message: z
            .string()
            .trim()
            .min(10, 'Write a sentence or two about why this job could suit them.')
            .max(MAX_INVITATION_MESSAGE, 'Keep the message under 2,000 characters.'),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      sendInvitation({ db: ctx.db, now: ctx.clock(), publicUrl: ctx.config.publicUrl }, ctx.user.id, input).then(
        (sent) => {
          ctx.drainMail();
          return sent;
        },
      ),
    ),

  /** The seeker's invitations, newest first. */
  mine: seekerProcedure.query(({ ctx }) => myInvitations(ctx.db, ctx.user.id)),

  /** Accept (the web then opens the job's apply form) or decline. */
  respond: seekerProcedure
    .input(z.object({ id: recordId, answer: z.enum(['accept', 'decline']) }).strict())
    .mutation(({ ctx, input }) => respondToInvitation(ctx.db, ctx.user.id, input, ctx.clock())),

  /** The invitations of one's own job and their answers; names appear only for those who applied. */
  forJob: employerProcedure
    .input(z.object({ jobId: recordId }).strict())
    .query(({ ctx, input }) => invitationsForJob(ctx.db, ctx.user.id, input.jobId)),
});
