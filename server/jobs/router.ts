import { z } from 'zod';
import { createTRPCRouter, employerProcedure, publicProcedure, type Context } from '../trpc.ts';
import { assertCanPublish } from '../auth/email-flows.ts';
import { requireCompanyAccess } from '../companies/access.ts';
import { getJob, myJobs } from './read.ts';
import { createJobInput, searchJobsInput, updateJobInput } from './schemas.ts';
import { searchJobs } from './search.ts';
import { createJob, setJobStatus, updateJob, type JobsDeps } from './service.ts';
import { recordId } from '../ids.ts';
import { savedJobProcedures } from '../alerts/router.ts';

const jobId = z.object({ id: recordId });

const jobsDeps = (ctx: Context): JobsDeps => ({
  db: ctx.db,
  ai: ctx.ai,
  now: ctx.clock(),
  background: ctx.background,
  onJobsEmbedded: ctx.hooks.onJobsEmbedded,
});

export const jobsRouter = createTRPCRouter({
  create: employerProcedure.input(createJobInput).mutation(async ({ ctx, input }) => {
    if (input.status === 'active') await assertCanPublish(ctx.db, ctx.user.id);
    const { companyId } = await requireCompanyAccess(ctx.db, ctx.user.id, 'manage');
    const id = await createJob(jobsDeps(ctx), companyId, input);
    return getJob(ctx.db, id, ctx.user, ctx.clock());
  }),

  update: employerProcedure.input(updateJobInput).mutation(async ({ ctx, input }) => {
    await updateJob(jobsDeps(ctx), ctx.user.id, input);
    return getJob(ctx.db, input.id, ctx.user, ctx.clock());
  }),

  setStatus: employerProcedure
    .input(
      jobId.extend({ status: z.enum(['draft', 'active', 'closed'], { error: 'Choose draft, active or closed.' }) }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.status === 'active') await assertCanPublish(ctx.db, ctx.user.id);
      return setJobStatus({ db: ctx.db, now: ctx.clock() }, ctx.user.id, input.id, input.status);
    }),

  /** Anyone may read an active job; a draft or closed one only its owner (else NOT_FOUND). */
  get: publicProcedure.input(jobId).query(({ ctx, input }) => getJob(ctx.db, input.id, ctx.user, ctx.clock())),

  mine: employerProcedure.query(async ({ ctx }) => {
    const { companyId } = await requireCompanyAccess(ctx.db, ctx.user.id, 'manage');
    return myJobs(ctx.db, companyId);
  }),

  search: publicProcedure
    .input(searchJobsInput)
    .query(({ ctx, input }) => searchJobs({ db: ctx.db, embedder: ctx.ai.embedder, now: ctx.clock() }, input)),

  ...savedJobProcedures,
});
