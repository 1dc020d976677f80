import { createTRPCRouter, seekerProcedure } from '../trpc.ts';
import { createAlert, deleteAlert, getAlertSettings, listAlerts, setAlertSettings } from './alerts.ts';
import { listSavedJobs, saveJob, unsaveJob } from './saved.ts';
import { alertIdInput, createAlertInput, jobIdInput, settingsInput } from './schemas.ts';

/** `jobs.save`, `jobs.unsave`, `jobs.saved`: spread into the jobs router. */
export const savedJobProcedures = {
  save: seekerProcedure
    .input(jobIdInput)
    .mutation(({ ctx, input }) => saveJob(ctx.db, ctx.user.id, input.jobId, ctx.clock())),
  unsave: seekerProcedure.input(jobIdInput).mutation(({ ctx, input }) => unsaveJob(ctx.db, ctx.user.id, input.jobId)),
  saved: seekerProcedure.query(({ ctx }) => listSavedJobs(ctx.db, ctx.user.id, ctx.clock())),
};

export const alertsRouter = createTRPCRouter({
  create: seekerProcedure
    .input(createAlertInput)
    .mutation(({ ctx, input }) => createAlert(ctx.db, ctx.user.id, input, ctx.clock())),
  list: seekerProcedure.query(({ ctx }) => listAlerts(ctx.db, ctx.user.id)),
  delete: seekerProcedure.input(alertIdInput).mutation(({ ctx, input }) => deleteAlert(ctx.db, ctx.user.id, input.id)),
  settings: seekerProcedure.query(({ ctx }) => getAlertSettings(ctx.db, ctx.user.id)),
  setSettings: seekerProcedure
    .input(settingsInput)
    .mutation(({ ctx, input }) => setAlertSettings(ctx.db, ctx.user.id, input, ctx.clock())),
});
