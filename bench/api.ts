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
  const answered = async (procedure: string, input: unknown, cookie?: string) => {
    const response = await app.request(
      `http://localhost/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
      cookie ? { headers: { cookie } } : {},
    );
    if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  return Object.assign(
    (procedure: string, input: unknown, cookie?: string) => answered(procedure, input, cookie).then((r) => r.json()),
    {
      /**
       * The response read to its last byte and not parsed: the server's part of a call, as the bench
       * times it against the SQL (parsing the JSON is the client's work: 0.3 ms of a search's answer).
       */
      received: (procedure: string, input: unknown) =>
        answered(procedure, input).then((r) => r.arrayBuffer().then((body) => body.byteLength)),
    },
  );
}
