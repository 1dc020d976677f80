/**
 * The Node entry: the whole product on one machine, PGlite in DATA_DIR by default
 * (or any Postgres with pgvector through DATABASE_URL), the built SPA, no network needed.
 */
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { getConnInfo } from '@hono/node-server/conninfo';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openNodeDatabase } from '../db/client.ts';
import { createAdmissionQueue } from './admission.ts';
import { createApp } from './app.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { edgeLayer, nodeStaticAssets } from './pages/node-assets.ts';
import type { PageRenderer } from './pages/renderer.ts';
import { createResponseCache } from './response-cache.ts';
import { createResumePool } from './workers/resume-pool.ts';
import { createNodePasswordHasher } from './auth/node-passwords.ts';
import { parseConfig } from './config.ts';
import { createProviders } from './providers.ts';
import { errorSummary, jsonLogger } from './logger.ts';
import { runMaintenance } from './maintenance.ts';
import { createMailSender, devMailboxEnabled } from './mail/setup.ts';
import { createSmtpTransport } from './mail/smtp.ts';
import { searchJobs } from './jobs/search.ts';
import { seedIfEmpty } from './seed/seed.ts';
import { createDirectoryFileStore, filesFolder } from './files/dir-store.ts';

const SWEEP_INTERVAL_MS = 10 * 60_000;

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));

const config = parseConfig(process.env);
const logger = jsonLogger();

// PGlite runs on its own thread: a query holds up that thread, not the HTTP server (decision 0014).
// It opens (and migrates) there while this thread builds or loads the renderer.
const databaseOpening = openNodeDatabase(config, { pgliteInThread: true });
databaseOpening.catch(() => {}); // awaited below, where a failure stops the start
const ssrEntry = fileURLToPath(new URL('../dist/ssr/entry-server.js', import.meta.url));

if (!existsSync(`${webDir}/index.html`) || !existsSync(ssrEntry)) {
  logger.info('building the web app and its server renderer (first start)');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: rootDir, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--ssr', '--logLevel', 'warn'], { cwd: rootDir, stdio: 'inherit' });
}
// The public pages' renderer: Solid's server build of the app's own components (decision 0012).
const pages = (await import(pathToFileURL(ssrEntry).href)) as PageRenderer;

const database = await databaseOpening;
const passwords = await createNodePasswordHasher();
const ai = createProviders(config);
const seeded = await seedIfEmpty(database.db, passwords, ai, { demoData: config.seedDemoData });
if (seeded) logger.info('first start: loaded the skills catalog and demo data', { ...seeded });
// Statistics for the planner over what was just loaded (PGlite has no autovacuum; its thread re-analyzes every 10 min).
if (seeded && database.kind === 'pglite') await database.db.execute(sql`analyze`);

// One search before the first visitor: the catalog, the query plans and the indexes are warm.
await searchJobs({ db: database.db, embedder: ai.embedder, now: new Date() }, { q: 'nurse', limit: 20 }).catch(
  (error: unknown) => logger.error('warm-up search failed', { error: errorSummary(error) }),
);

const mail = createMailSender(config, logger, createSmtpTransport);
// Uploaded originals, beside the database in DATA_DIR (R2 in the worker).
const files = createDirectoryFileStore(filesFolder(config.dataDir));
if (!mail) logger.info('no mail transport configured: messages wait in the outbox until SMTP_URL or MAIL_API is set');
else if (devMailboxEnabled(config))
  logger.info('no mail transport configured: messages are kept in the development mailbox', {
    open: `${config.publicUrl}/dev/mail`,
  });

// The scheduled sweep (the worker has a Cron Trigger for it).
const runSweep = () =>
  runMaintenance(database.db, { now: new Date(), config, mail, files, embedder: ai.embedder })
    .then((done) => logger.info('maintenance', { ...done }))
    .catch((error: unknown) => logger.error('maintenance failed', { error: errorSummary(error) }));
await runSweep();
const sweep = setInterval(() => void runSweep(), SWEEP_INTERVAL_MS);
sweep.unref();

const pending = new Set<Promise<unknown>>();
// PDF/DOCX reading and the local parser run in worker threads with a deadline.
const resumePool = createResumePool();

const app = createApp({
  config,
  clock: () => new Date(),
  passwords,
  ai,
  logger,
  openDatabase: async () => ({ db: database.db, release: async () => {} }),
  runAfterResponse: (_c, task) => {
    const promise = task()
      .catch((error: unknown) => logger.error('background task failed', { error: errorSummary(error) }))
      .finally(() => pending.delete(promise));
    pending.add(promise);
  },
  clientIp: (c) => getConnInfo(c).remote.address ?? null,
  resumeWork: resumePool,
  mail,
  files,
  // One process serves an embedded database, so it alone ends sessions: it may keep them for seconds.
  ...(database.kind === 'pglite' ? { sessionCache: createSessionCache() } : {}),
  // Files first (precompressed, hashed ones immutable); any other GET is a route of the SPA, answered with index.html.
  staticAssets: nodeStaticAssets(webDir),
  pages,
});

// Starting two requests per event-loop turn keeps accepting connections fair under load (see admission.ts).
const admission = createAdmissionQueue(2);
// What a CDN in front of Node would do with `s-maxage=60`, as the worker does with the Cache API.
const publicReads = createResponseCache({ ttlMs: 60_000, maxEntries: 1_000 });
const fetchInTurn = publicReads(async (request: Request, env?: unknown) => {
  await admission.admit();
  return app.fetch(request, env);
});

// Compression and revalidation outermost, as a CDN in front would do them.
const edge = edgeLayer(fetchInTurn);
const server = serve({ fetch: edge.fetch, port: config.port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  logger.info('listening', { url: `http://localhost:${info.port}`, database: database.kind });
});

async function shutdown(signal: string) {
  logger.info('shutting down', { signal });
  server.close();
  clearInterval(sweep);
  await Promise.allSettled(pending);
  await resumePool.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
