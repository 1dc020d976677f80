/**
 * What every route module of the app shares: the dependencies createApp is built from, the
 * variables a request carries, and the request plumbing (database, after-response work).
 * Types only, so a route module and app.ts can both import it without a cycle.
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.ts';
import type { AiProviders } from '../ai/types.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import type { ValidatedSession } from '../auth/sessions.ts';
import type { AppConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { FileStore } from '../files/store.ts';
import type { MailSender } from '../mail/sender.ts';
import type { PageRenderer } from '../pages/renderer.ts';
import type { ResumeWork } from '../workers/resume-work.ts';
import type { SessionCache } from '../auth/session-cache.ts';

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
  /** Where uploaded originals are kept (R2 in the worker, a folder under Node); memory when unset. */
  files?: FileStore;
  /** Sessions kept for seconds; only for a process that alone serves its database (server/auth/session-cache.ts). */
  sessionCache?: SessionCache;
}

/** The variables of a request, set by the middleware that owns each. */
export type AppEnv = {
  Variables: {
    /** Set by `withDatabase`. */
    db: Database;
    /** Work started by this request to run after its response; the database waits for it. */
    tasks: Promise<unknown>[];
    /** Set by the session middleware (server/auth/session-middleware.ts) on /trpc. */
    auth: ValidatedSession | null;
    secureCookies: boolean;
  };
};

export type AppContext = HonoContext<AppEnv>;

/**
 * What a route module is given (`fooRoutes(deps: RouteDeps): Hono<AppEnv>`, mounted in app.ts
 * with one `app.route(...)`): the app's dependencies and its request plumbing.
 */
export interface RouteDeps extends AppDeps {
  /** Opens the request's database (`c.var.db`), answers 503 when it is down, releases it after the response. */
  withDatabase: MiddlewareHandler<AppEnv>;
  /** Starts work that outlives the response; the request's database waits for it. Needs `withDatabase`. */
  runInBackground(c: AppContext, task: () => Promise<unknown>): void;
  files: FileStore;
}
