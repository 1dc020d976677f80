import { createTRPCClient, httpLink } from '@trpc/client';
import { createProviders } from '../../server/providers.ts';
import type { AiProviders } from '../../server/ai/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { createNodePasswordHasher } from '../../server/auth/node-passwords.ts';
import type { PasswordHasher } from '../../server/auth/passwords.ts';
import { parseConfig } from '../../server/config.ts';
import { jsonLogger } from '../../server/logger.ts';
import type { AppRouter } from '../../server/router.ts';
import type { MailSender } from '../../server/mail/sender.ts';
import type { PageRenderer } from '../../server/pages/renderer.ts';
import type { Database } from '../../db/database.ts';
import { createMemoryFileStore } from '../../server/files/store.ts';
import { createTestDatabase, resetSharedTestDatabase } from './db.ts';
import { expectErrorLines, recordLogLine } from './log-errors.ts';
import { createSessionCache } from '../../server/auth/session-cache.ts';

let hasher: Promise<PasswordHasher> | undefined;
export const testPasswordHasher = () => (hasher ??= createNodePasswordHasher());

/** The database behind a test app: for helpers that act as the person reading their email. */
export const databaseOfApp = new WeakMap<App, Database>();

/** Every test app's after-response work still running, across the apps of a test file. */
const runningBackground: Promise<unknown>[] = [];

export const TEST_START = new Date('2026-11-25T12:00:00Z');

/**
 * The whole app over a clean database, with a clock the test moves and the logs it wrote.
 * The database is the file's shared one, reset; `fresh: true` gives a private one (for tests
 * that break it, or run two apps at once).
 */
export async function createTestApp(
  options: {
    passwords?: PasswordHasher;
    fresh?: boolean;
    ai?: AiProviders;
    mail?: MailSender | null;
    env?: Record<string, string>;
    /** The server renderer of the public pages (test/helpers/pages.ts loads the built one). */
    pages?: PageRenderer;
    /** Keep sessions for seconds, as the Node entry on embedded PGlite does. */
    sessionCache?: boolean;
  } = {},
) {
  // The previous app's work after its responses (matching, mail) must end before its rows are
  // truncated under it: else it fails on rows that vanished, and logs it into this test.
  await Promise.allSettled(runningBackground.splice(0));
  const database = options.fresh ? await createTestDatabase() : await resetSharedTestDatabase();
  const clock = {
    now: new Date(TEST_START),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const background: Promise<unknown>[] = [];
  const logLines: string[] = [];
  // Uploaded originals, in memory: a test can look at what is stored (files.keys()).
  const files = createMemoryFileStore();
  const app = createApp({
    config: parseConfig({ APP_ENV: 'test', ...options.env }),
    clock: () => clock.now,
    passwords: options.passwords ?? (await testPasswordHasher()),
    ai: options.ai ?? createProviders(),
    logger: jsonLogger((line) => {
      logLines.push(line);
      recordLogLine(line);
    }),
    openDatabase: async () => ({ db: database.db, release: async () => {} }),
    runAfterResponse: (_c, task) => {
      const running = task();
      background.push(running);
      runningBackground.push(running);
    },
    clientIp: (c) => c.req.header('x-test-client-ip') ?? '203.0.113.1',
    ...(options.mail !== undefined ? { mail: options.mail } : {}),
    files,
    ...(options.pages ? { pages: options.pages } : {}),
    ...(options.sessionCache ? { sessionCache: createSessionCache() } : {}),
  });
  databaseOfApp.set(app, database.db);
  return {
    app,
    db: database.db,
    pg: database.client,
    clock,
    logLines,
    files,
    /** Error lines matching these are what the test provokes; any other error line fails it. */
    expectErrors: expectErrorLines,
    /** Waits for the work the app ran after its responses. */
    settle: () => Promise.all(background),
    /** Closes a fresh database; the shared one stays open for the next test of the file. */
    close: () => (options.fresh ? database.close() : Promise.resolve()),
  };
}

export interface ClientOptions {
  /** Where the client believes it is; http://localhost gets the plain cookie, https the __Host- one. */
  baseUrl?: string;
  /** Sent as Origin on every request; a browser on our own page sends our origin. */
  origin?: string | null;
  ip?: string;
}

/** A typed tRPC client over app.request, keeping cookies like a browser would. */
export function apiClient(app: App, options: ClientOptions = {}) {
  const baseUrl = options.baseUrl ?? 'http://localhost';
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
    if (origin) headers.set('origin', origin);
    if (options.ip) headers.set('x-test-client-ip', options.ip);
    const response = await app.request(url, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      setCookies.push(cookie);
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, fetch })] });
  return { trpc, jar, setCookies, fetch };
}
