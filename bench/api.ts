import type { Database } from '../db/database.ts';
import { createProviders } from '../server/providers.ts';
import { createApp } from '../server/app.ts';
import { createNodePasswordHasher } from '../server/auth/node-passwords.ts';
import { parseConfig } from '../server/config.ts';
import { silentLogger } from '../server/logger.ts';

/** The whole app (hono + tRPC) over a bench database, called in process: a GET of a query procedure. */
export async function inProcessApi(db: Database) {
  const app = createApp({
    config: parseConfig({ APP_ENV: 'test' }),
    clock: () => new Date(),
    passwords: await createNodePasswordHasher(),
    ai: createProviders(),
    logger: silentLogger,
    openDatabase: async () => ({ db, release: async () => {} }),
    runAfterResponse: () => {},
    clientIp: () => null,
  });
  return (procedure: string, input: unknown, cookie?: string) =>
    Promise.resolve(
      app.request(
        `http://localhost/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
        cookie ? { headers: { cookie } } : {},
      ),
    ).then(async (r) => {
      if (r.status !== 200) throw new Error(`${procedure} answered ${r.status}: ${await r.text()}`);
      return r.json();
    });
}
