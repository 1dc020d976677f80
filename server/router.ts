import { accountRouter } from './account/router.ts';
import { alertsRouter } from './alerts/router.ts';
import { applicationsRouter } from './applications/router.ts';
import { auditRouter } from './audit/router.ts';
import { authRouter } from './auth/router.ts';
import { companiesRouter } from './companies/router.ts';
import { employersRouter } from './employers/router.ts';
import { experimentsRouter } from './experiments/router.ts';
import { interviewsRouter } from './interviews/router.ts';
import { invitationsRouter } from './invitations/router.ts';
import { jobsRouter } from './jobs/router.ts';
import { mailRouter } from './mail/router.ts';
import { notificationsRouter } from './notifications/router.ts';
import { matchesRouter } from './matching/router.ts';
import { scorecardsRouter } from './scorecards/router.ts';
import { seekersRouter } from './seekers/router.ts';
import { skillsRouter } from './skills/router.ts';
import { sourcesRouter } from './webhooks/router.ts';
import { createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  seekers: seekersRouter,
  employers: employersRouter,
  skills: skillsRouter,
  jobs: jobsRouter,
  matches: matchesRouter,
  applications: applicationsRouter,
  sources: sourcesRouter,
  account: accountRouter,
  audit: auditRouter,
  experiments: experimentsRouter,
  mail: mailRouter,
  invitations: invitationsRouter,
  notifications: notificationsRouter,
  alerts: alertsRouter,
  companies: companiesRouter,
  interviews: interviewsRouter,
  scorecards: scorecardsRouter,
});

export type AppRouter = typeof appRouter;
