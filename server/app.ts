/**
 * The one hono app, built from its dependencies. server/node.ts and server/worker.ts only
 * adapt it to a runtime: which database, which password hasher, how work runs after a response.
 */
import { trpcServer } from '@hono/trpc-server';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from '../db/database.ts';
import type { AiProviders } from './ai/types.ts';
import { blankSessionCookie, sessionCookie, sessionCookieName, usesSecureCookies } from './auth/cookies.ts';
import { isSameOriginRequest, needsCsrfCheck } from './auth/csrf.ts';
import type { PasswordHasher } from './auth/passwords.ts';
import { validateSessionToken, type ValidatedSession } from './auth/sessions.ts';
import type { AppConfig } from './config.ts';
import { checkHealth } from './health.ts';
import { createDomainHooks } from './hooks.ts';
import { embedJobs } from './jobs/embedding.ts';
import { findSource, ingestDelivery, MAX_WEBHOOK_BODY_BYTES } from './webhooks/ingest.ts';
import { MAX_RESUME_UPLOAD_BYTES, MAX_RESUME_UPLOAD_LABEL } from './seekers/extract-text.ts';
import { errorSummary, type Logger } from './logger.ts';
import { appRouter } from './router.ts';
import { createContextInner } from './trpc.ts';
import { LOCAL_PARSER_MODEL } from './ai/local-resume-parser.ts';
import { inProcessResumeWork, type ResumeWork } from './workers/resume-work.ts';
import { devMailboxRoutes } from './mail/dev-mailbox-routes.ts';
import { pageRoutes } from './pages/routes.ts';
import { isPublicPage, isSeoFile } from './pages/paths.ts';
import type { PageRenderer } from './pages/renderer.ts';
import { drainOutbox, type MailSender } from './mail/sender.ts';
import { createMailSender, devMailboxEnabled } from './mail/setup.ts';

export interface RequestDatabase {
  db: Database;
  /** Gives the connection back; runs after the response. */
  release(): Promise<void>;
}

export interface AppDeps {
  config: AppConfig;
  clock: () => Date;
  passwords: PasswordHasher;
  ai: AiProviders;
  logger: Logger;
  /** A database for one request: the shared one under Node, a fresh Neon pool in the worker. */
  openDatabase(c: HonoContext): Promise<RequestDatabase>;
  /** Runs work after the response: waitUntil in the worker, a tracked promise under Node. */
  runAfterResponse(c: HonoContext, task: () => Promise<unknown>): void;
  clientIp(c: HonoContext): string | null;
  /** Reading uploads and the local resume parser; in-process unless given (the Node entry gives a thread pool). */
  resumeWork?: ResumeWork;
  /** Serve the built SPA, in order (Node); in the worker the assets binding does it before the app. */
  staticAssets?: MiddlewareHandler[];
  /** The server renderer of the public pages (dist/ssr); unset: those paths fall to the SPA (decision 0012). */
  pages?: PageRenderer;
  /** Delivers the outbox; null holds messages (production without a transport); unset: server/mail/setup.ts decides. */
  mail?: MailSender | null;
}

type Env = {
  Variables: {
    db: Database;
    /** Work started by this request to run after its response; the database waits for it. */
    tasks: Promise<unknown>[];
    auth: ValidatedSession | null;
    secureCookies: boolean;
  };
};

/** Procedures whose anonymous answers are the same for everyone: cacheable at the edge. */
const PUBLIC_PROCEDURES = new Set(['jobs.search', 'jobs.get', 'skills.search', 'companies.get']);
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** The procedures named by /trpc/a,b,c; null when the path is not valid percent-encoding. */
export function proceduresOf(path: string): string[] | null {
  try {
    return path
      .replace(/^\/trpc\//, '')
      .split(',')
      .map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

/** True for /trpc/a,b,c when every procedure of the (batched) path is public. */
export function isPublicRead(path: string): boolean {
  const procedures = proceduresOf(path);
  return procedures !== null && procedures.length > 0 && procedures.every((p) => PUBLIC_PROCEDURES.has(p));
}

/**
 * At most this many calls in one batched request. The SPA's busiest page asks for fewer at once
 * (its client splits larger batches at the same number), and each call may cost a query or more:
 * a cap keeps one request's work near that of a page view.
 */
export const MAX_BATCH_CALLS = 10;
/** Calls that check a password or create an account: alone in their request, never batched. */
const SOLO_PROCEDURES = new Set(['auth.signIn', 'auth.signUp', 'auth.changePassword', 'account.delete']);

/** Why a /trpc request is refused before any procedure runs, or null. */
export function batchProblem(path: string, batched: boolean): string | null {
  const procedures = proceduresOf(path);
  if (procedures === null) return 'The address is not valid.';
  if (!batched) return procedures.length > 1 ? 'Several procedures need ?batch=1.' : null;
  if (procedures.length > MAX_BATCH_CALLS) return `A batch can hold at most ${MAX_BATCH_CALLS} calls.`;
  if (procedures.length > 1 && procedures.some((p) => SOLO_PROCEDURES.has(p)))
    return 'Signing in, signing up and password changes cannot be batched: send each alone.';
  return null;
}

/** An anonymous GET of public procedures: what an edge cache may answer for everyone. */
export function isCacheableRequest(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return (
    request.method === 'GET' &&
    !request.headers.has('cookie') &&
    (isPublicRead(path) || isPublicPage(path) || isSeoFile(path))
  );
}

/** A successful answer the app marked public (PUBLIC_CACHE_CONTROL). */
export function isCacheableResponse(response: Response): boolean {
  return response.status === 200 && (response.headers.get('cache-control')?.includes('public') ?? false);
}

export function createApp(deps: AppDeps) {
  const app = new Hono<Env>();
  const resumeWork = deps.resumeWork ?? inProcessResumeWork;
  // The local parser, when it is the configured one, runs where resumeWork runs it.
  const ai: AiProviders =
    deps.ai.resumeParser.model === LOCAL_PARSER_MODEL ? { ...deps.ai, resumeParser: resumeWork.localParser } : deps.ai;
  const mail = deps.mail === undefined ? createMailSender(deps.config, deps.logger) : deps.mail;

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  // HSTS on every HTTPS answer and always in production, whatever scheme a proxy in front
  // forwarded (never on http://localhost in development, where it would pin the browser).
  app.use('*', async (c, next) => {
    await next();
    if (deps.config.env === 'production' || new URL(c.req.url).protocol === 'https:')
      c.res.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      userId: c.get('auth')?.user.id ?? null,
    });
  });

  /** Starts work that outlives the response; the request's database waits for it (see below). */
  const runInBackground = (c: HonoContext, task: () => Promise<unknown>) => {
    const started = task().catch((error: unknown) =>
      deps.logger.error('background task failed', { error: errorSummary(error) }),
    );
    (c.get('tasks') as Promise<unknown>[]).push(started);
    deps.runAfterResponse(c, () => started);
  };

  const withDatabase: MiddlewareHandler<Env> = async (c, next) => {
    let opened: RequestDatabase;
    try {
      opened = await deps.openDatabase(c);
    } catch (error) {
      deps.logger.error('database unavailable', { error: errorSummary(error) });
      return c.json({ error: { message: 'The service is temporarily unavailable. Please try again shortly.' } }, 503);
    }
    c.set('db', opened.db);
    c.set('tasks', []);
    try {
      await next();
    } finally {
      // The connection goes back only when the request's own background work is done with it.
      const tasks = c.get('tasks');
      deps.runAfterResponse(c, async () => {
        await Promise.allSettled(tasks);
        await opened.release();
      });
    }
  };

  // Job boards push here. Signed instead of cookie-authenticated, so no CSRF check applies.
  app.post(
    '/webhooks/:sourceId',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: 'The body is larger than 1 MB.' }, 413);
      },
    }),
    withDatabase,
    async (c) => {
      const db = c.get('db');
      const source = await findSource(db, c.req.param('sourceId'));
      if (!source) return c.json({ error: 'Unknown job board.' }, 404);
      const body = await c.req.text();
      const hooks = createDomainHooks(db, deps.ai, deps.clock, deps.config.matchingAlgorithm);
      const now = deps.clock();
      const result = await ingestDelivery(
        {
          db,
          ai: deps.ai,
          now,
          // The jobs were written at `now`: that is the version their embeddings are for.
          afterResponse: (jobIds) =>
            runInBackground(c, async () =>
              hooks.onJobsEmbedded(
                await embedJobs(
                  db,
                  deps.ai.embedder,
                  jobIds.map((id) => ({ id, updatedAt: now })),
                  now,
                ),
              ),
            ),
        },
        source,
        Object.fromEntries(c.req.raw.headers),
        body,
      );
      deps.logger.info('webhook delivery', {
        sourceId: source.id,
        status: result.status,
        outcome: result.body.status ?? null,
      });
      c.header('Cache-Control', 'no-store');
      return c.json(result.body, result.status);
    },
  );

  // Draining after a response: only the request that queued mail pays for it, after its answer.
  const drainMailAfter = (c: HonoContext) => {
    if (mail) runInBackground(c, () => drainOutbox(c.get('db') as Database, mail, deps.clock, { maxBatches: 2 }));
  };

  if (devMailboxEnabled(deps.config)) app.route('/dev/mail', devMailboxRoutes(withDatabase, deps.clientIp));

  app.get('/health', withDatabase, async (c) => {
    const health = await checkHealth(c.get('db'));
    c.header('Cache-Control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });

  // Bodies are bounded before they are read: uploads at 5 MB (plus the form's own bytes), the rest at 1 MB.
  // The unread rest of the body would be taken for the next request on a kept-alive connection.
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
  app.use('/trpc/*', async (c, next) => {
    const problem = batchProblem(c.req.path, c.req.query('batch') === '1');
    if (problem)
      return c.json({ error: { message: problem, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } } }, 400);
    const upload = c.req.path === '/trpc/seekers.uploadResume';
    const limit = upload
      ? bodyLimit({ maxSize: MAX_RESUME_UPLOAD_BYTES + 64 * 1024, onError: tooLarge(MAX_RESUME_UPLOAD_LABEL) })
      : bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge('1 MB') });
    return limit(c, next);
  });

  app.use('/trpc/*', withDatabase, async (c, next) => {
    const secure = usesSecureCookies(c.req.url);
    c.set('secureCookies', secure);
    c.set('auth', null);
    const token = getCookie(c, sessionCookieName(secure));
    if (token === undefined) {
      await next();
      // Anonymous reads of public data may be cached by browsers and the edge.
      if (c.req.method === 'GET' && c.res.status === 200 && isPublicRead(c.req.path))
        c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
      else c.res.headers.set('Cache-Control', 'no-store');
      return;
    }

    if (needsCsrfCheck(c.req.method) && !isSameOriginRequest(c.req.raw)) {
      return c.json({ error: { message: 'Cross-site request refused.' } }, 403);
    }
    const now = deps.clock();
    const validated = await validateSessionToken(c.get('db'), token, now);
    c.set('auth', validated);
    await next();
    // tRPC builds its own Response, so these go on it afterwards, unless the procedure itself
    // set the cookie (sign-in, sign-out, password change): its word is the newer one.
    if (!c.res.headers.has('Set-Cookie')) {
      if (!validated) c.res.headers.append('Set-Cookie', blankSessionCookie(secure));
      else if (validated.refreshed)
        c.res.headers.append('Set-Cookie', sessionCookie(token, validated.session.expiresAt, now, secure));
    }
    // Anything answered to a signed-in caller is personal: never cached by a browser or the edge.
    c.res.headers.set('Cache-Control', 'private, no-store');
  });

  // The contract names `applications.apply`, a word tRPC reserves: served by `applications.submit`.
  app.use('/trpc/*', async (c, next) => {
    if (c.req.path.includes('applications.apply')) {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.replace(/(^|[/,])applications\.apply(?=$|,)/g, '$1applications.submit');
      c.req.raw = new Request(url, c.req.raw);
    }
    return next();
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (opts, c) => {
        const secure = c.get('secureCookies') as boolean;
        const auth = c.get('auth') as ValidatedSession | null;
        return createContextInner({
          db: c.get('db') as Database,
          config: deps.config,
          clock: deps.clock,
          passwords: deps.passwords,
          ai,
          resumeWork,
          session: auth?.session ?? null,
          user: auth?.user ?? null,
          ip: deps.clientIp(c),
          cookies: {
            set: (token, expiresAt) =>
              opts.resHeaders.append('Set-Cookie', sessionCookie(token, expiresAt, deps.clock(), secure)),
            clear: () => opts.resHeaders.append('Set-Cookie', blankSessionCookie(secure)),
          },
          hooks: createDomainHooks(c.get('db') as Database, deps.ai, deps.clock, deps.config.matchingAlgorithm),
          background: (task) => runInBackground(c, task),
          drainMail: () => drainMailAfter(c),
        }) as unknown as Record<string, unknown>;
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error('procedure failed', { path, error: errorSummary(error.cause ?? error) });
      },
    }),
  );

  if (deps.pages) app.route('/', pageRoutes(deps, deps.pages, app));
  for (const handler of deps.staticAssets ?? []) app.use('*', handler);

  app.notFound((c) => c.json({ error: { message: 'Not found.' } }, 404));
  app.onError((error, c) => {
    deps.logger.error('unhandled error', { path: c.req.path, error: errorSummary(error) });
    return c.json({ error: { message: 'Something went wrong on our side. Please try again in a moment.' } }, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
