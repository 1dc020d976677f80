/**
 * /trpc/*: the procedures of server/router.ts over HTTP. Before any procedure runs: the batch's
 * shape, the body's size, the request's database and session; then tRPC with its context.
 */
import { trpcServer } from '@hono/trpc-server';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LOCAL_PARSER_MODEL } from '../ai/local-resume-parser.ts';
import type { AiProviders } from '../ai/types.ts';
import { blankSessionCookie, sessionCookie } from '../auth/cookies.ts';
import { sessionMiddleware } from '../auth/session-middleware.ts';
import { createDomainHooks } from '../hooks.ts';
import { errorSummary } from '../logger.ts';
import { drainOutbox } from '../mail/sender.ts';
import { createMailSender } from '../mail/setup.ts';
import { appRouter } from '../router.ts';
import { MAX_RESUME_UPLOAD_BYTES, MAX_RESUME_UPLOAD_LABEL } from '../seekers/extract-text.ts';
import { createContextInner } from '../trpc.ts';
import { inProcessResumeWork } from '../workers/resume-work.ts';
import type { AppContext, AppEnv, RouteDeps } from './app-env.ts';
import { proceduresOf } from './cache-policy.ts';

/**
 * At most this many calls in one batched request. The SPA's busiest page asks for fewer at once
 * (its client splits larger batches at the same number), and each call may cost a query or more:
 * a cap keeps one request's work near that of a page view.
 */
const MAX_BATCH_CALLS = 10;
/** Calls that check a password or create an account: alone in their request, never batched. */
const SOLO_PROCEDURES = new Set(['auth.signIn', 'auth.signUp', 'auth.changePassword', 'account.delete']);
const MAX_BODY_BYTES = 1024 * 1024;

/** Why a /trpc request is refused before any procedure runs, or null. */
function batchProblem(path: string, batched: boolean): string | null {
  const procedures = proceduresOf(path);
  if (procedures === null) return 'The address is not valid.';
  if (!batched) return procedures.length > 1 ? 'Several procedures need ?batch=1.' : null;
  if (procedures.length > MAX_BATCH_CALLS) return `A batch can hold at most ${MAX_BATCH_CALLS} calls.`;
  if (procedures.length > 1 && procedures.some((p) => SOLO_PROCEDURES.has(p)))
    return 'Signing in, signing up and password changes cannot be batched: send each alone.';
  return null;
}

// The unread rest of a refused body would be taken for the next request on a kept-alive connection.
const tooLarge = (limit: string) => (c: HonoContext) => {
  c.header('Connection', 'close');
  return c.json(
    {
      error: {
        message: `The request is larger than ${limit}.`,
        code: -32600,
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
      },
    },
    413,
  );
};
// Bodies are bounded before they are read: uploads at 5 MB (plus the form's own bytes), the rest at 1 MB.
const uploadLimit = bodyLimit({
  maxSize: MAX_RESUME_UPLOAD_BYTES + 64 * 1024,
  onError: tooLarge(MAX_RESUME_UPLOAD_LABEL),
});
const bodyLimitOf1Mb = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge('1 MB') });

export function trpcRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const resumeWork = deps.resumeWork ?? inProcessResumeWork;
  // The local parser, when it is the configured one, runs where resumeWork runs it.
  const ai: AiProviders =
    deps.ai.resumeParser.model === LOCAL_PARSER_MODEL ? { ...deps.ai, resumeParser: resumeWork.localParser } : deps.ai;
  const mail = deps.mail === undefined ? createMailSender(deps.config, deps.logger) : deps.mail;

  routes.use('*', async (c, next) => {
    const problem = batchProblem(c.req.path, c.req.query('batch') === '1');
    if (problem)
      return c.json({ error: { message: problem, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } } }, 400);
    const limit = c.req.path === '/trpc/seekers.uploadResume' ? uploadLimit : bodyLimitOf1Mb;
    return limit(c, next);
  });

  routes.use('*', deps.withDatabase, sessionMiddleware(deps.clock, deps.sessionCache));

  // The contract names `applications.apply`, a word tRPC reserves: served by `applications.submit`.
  routes.use('*', async (c, next) => {
    if (c.req.path.includes('applications.apply')) {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.replace(/(^|[/,])applications\.apply(?=$|,)/g, '$1applications.submit');
      c.req.raw = new Request(url, c.req.raw);
    }
    return next();
  });

  routes.use(
    '*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (opts, c: AppContext) => {
        const { db, auth, secureCookies } = c.var;
        return createContextInner({
          db,
          config: deps.config,
          clock: deps.clock,
          passwords: deps.passwords,
          ai,
          resumeWork,
          files: deps.files,
          session: auth?.session ?? null,
          user: auth?.user ?? null,
          ip: deps.clientIp(c),
          cookies: {
            set: (token, expiresAt) =>
              opts.resHeaders.append('Set-Cookie', sessionCookie(token, expiresAt, deps.clock(), secureCookies)),
            clear: () => opts.resHeaders.append('Set-Cookie', blankSessionCookie(secureCookies)),
          },
          hooks: createDomainHooks(db, deps.ai, deps.clock, deps.config.matchingAlgorithm),
          background: (task) => deps.runInBackground(c, task),
          // Draining after a response: only the request that queued mail pays for it, after its answer.
          drainMail: () => {
            if (mail) deps.runInBackground(c, () => drainOutbox(db, mail, deps.clock, { maxBatches: 2 }));
          },
        });
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error('procedure failed', { path, error: errorSummary(error.cause ?? error) });
      },
    }),
  );
  return routes;
}
