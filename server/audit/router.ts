import { z } from 'zod';
import { ownedJob } from '../jobs/service.ts';
import { adminProcedure, createTRPCRouter, employerProcedure } from '../trpc.ts';
import { listDecisions } from './decision-log.ts';
import { auditCsv, auditScope, runAudit } from './service.ts';
import { recordId } from '../ids.ts';

export const auditRouter = createTRPCRouter({
  /** An employer's audit: all their jobs, or one. */
  forEmployer: employerProcedure
    .input(z.object({ jobId: recordId.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      if (input.jobId) await ownedJob(ctx.db, ctx.user.id, input.jobId);
      const audit = await runAudit(ctx.db, auditScope({ employerId: ctx.user.id, jobId: input.jobId }));
      return { ...audit, csv: auditCsv(audit) };
    }),

  /** The whole platform, for admins. */
  platform: adminProcedure.query(async ({ ctx }) => {
    const audit = await runAudit(ctx.db, auditScope({}));
    return { ...audit, csv: auditCsv(audit) };
  }),

  /** The AI decision log (every score produced, with the algorithm and models), newest first. */
  decisions: adminProcedure
    .input(
      z
        .object({
          seekerId: recordId.optional(),
          jobId: recordId.optional(),
          beforeId: recordId.optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listDecisions(ctx.db, input)),
});
