import { z } from 'zod';
import { requireCompanyAccess, requireJobAccess } from '../companies/access.ts';
import { adminProcedure, createTRPCRouter, employerProcedure } from '../trpc.ts';
import { listDecisions } from './decision-log.ts';
import { auditCsv, auditScope, runAudit } from './service.ts';
import { recordId } from '../ids.ts';

export const auditRouter = createTRPCRouter({
  /** An employer's audit: all their jobs, or one. */
  forEmployer: employerProcedure
    .input(z.object({ jobId: recordId.optional() }).default({}))
    .query(async ({ ctx, input }) => {
      if (input.jobId) await requireJobAccess(ctx.db, ctx.user.id, input.jobId, 'manage');
      const { companyId } = await requireCompanyAccess(ctx.db, ctx.user.id, 'manage');
      const audit = await runAudit(ctx.db, auditScope({ employerId: companyId, jobId: input.jobId }));
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
