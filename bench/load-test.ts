/**
 * The Node entry (what `npm start` runs, demo data plus many signed-in seekers with matches)
 * under load, beside the platform's own limit: a bare node:http server answering a fixed 2 KB
 * JSON, measured first with the same tool and settings. Then, one at a time: a cached public
 * read, a server-rendered job page, the personal feed `matches.forMe`; and last the feed under
 * load while a cached read is measured at the same time (does database work stall everyone?).
 */
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite } from '../db/client.ts';
import { createSession } from '../server/auth/sessions.ts';
import { createNodePasswordHasher } from '../server/auth/node-passwords.ts';
import { generateMatchesForSeeker } from '../server/matching/generate.ts';
import { createProviders } from '../server/providers.ts';
import { seedIfEmpty } from '../server/seed/seed.ts';
import { rowsOf } from '../server/sql-helpers.ts';
import { startNodeServer } from '../test/helpers/server.ts';
import { startBaseline } from './load-baseline.ts';

export interface LoadOptions {
  connections: number;
  seconds: number;
  seekers: number;
}

interface Figure {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

type Requests = NonNullable<autocannon.Options['requests']>;

/** A data folder with the demo data and `count` more seekers (copies of the demo ones, own matches), each signed in. */
async function prepareData(count: number, log: (line: string) => void) {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'jobs-load-'));
  const { db, close } = await openPglite({ dataDir });
  const ai = createProviders();
  await seedIfEmpty(db, await createNodePasswordHasher(), ai, { demoData: true });
  const demo = rowsOf<{ id: number }>(await db.execute(sql`select id from job_seekers order by id`)).map((r) => r.id);
  const columns = rowsOf<{ column_name: string }>(
    await db.execute(sql`select column_name from information_schema.columns
      where table_name = 'job_seekers' and column_name not in ('id', 'candidate_key')`),
  ).map((r) => sql.identifier(r.column_name));
  const copied = sql.join(columns, sql`, `);
  const cookies: string[] = [];
  const now = new Date();
  for (let i = 0; i < count; i++) {
    const from = demo[i % demo.length]!;
    const [user] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into users (email, password_hash, user_type)
        values (${`load${i}@bench.example`}, 'x', 'job_seeker') returning id`),
    );
    await db.execute(
      sql`insert into job_seekers (id, ${copied}) select ${user!.id}, ${copied} from job_seekers where id = ${from}`,
    );
    await db.execute(sql`insert into job_seeker_skills (job_seeker_id, skill_id, proficiency_level, years_experience)
      select ${user!.id}, skill_id, proficiency_level, years_experience from job_seeker_skills where job_seeker_id = ${from}`);
    await generateMatchesForSeeker(db, ai, user!.id, now);
    cookies.push(`session=${(await createSession(db, user!.id, now)).token}`);
  }
  const [matches] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from matches`));
  await close();
  log(
    `data: demo data + ${count} signed-in seekers, ${matches!.n} matches (prepared in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  return { dataDir, cookies };
}

const trpcGet = (path: string, input: unknown) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function run(name: string, url: string, options: LoadOptions, requests?: Requests, connections?: number) {
  const result = await autocannon({
    url,
    connections: connections ?? options.connections,
    duration: options.seconds,
    timeout: 20,
    ...(requests ? { requests } : {}),
  });
  const figure: Figure = {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  return figure;
}

const describe = (f: Figure, baseline?: Figure) =>
  `${f.name.padEnd(46)} ${String(Math.round(f.reqPerSec)).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(5)} ms` +
  (baseline ? `  ${((100 * f.reqPerSec) / baseline.reqPerSec).toFixed(1).padStart(5)}% of the limit` : '') +
  (f.errors || f.non2xx ? `  errors ${f.errors}, non-2xx ${f.non2xx}` : '');

export async function loadFigures(log: (line: string) => void, options: LoadOptions) {
  const { dataDir, cookies } = await prepareData(options.seekers, log);
  const figures: Figure[] = [];

  const baselineServer = await startBaseline();
  let baseline: Figure;
  try {
    baseline = await run('node:http, fixed 2 KB JSON (the limit)', baselineServer.url, options);
  } finally {
    await baselineServer.stop();
  }
  log(describe(baseline));

  const server = await startNodeServer({ SEED_DEMO_DATA: 'true', DATA_DIR: dataDir, APP_ENV: 'development' });
  try {
    const cachedPath = trpcGet('jobs.search', { q: 'nurse' });
    const feed = (): Requests => {
      let n = 0;
      return [
        {
          setupRequest: (request) => ({
            ...request,
            path: trpcGet('matches.forMe', { limit: 20 }),
            headers: { cookie: cookies[n++ % cookies.length]! },
          }),
        },
      ];
    };
    const jobPages = (): Requests => {
      let n = 0;
      return [{ setupRequest: (request) => ({ ...request, path: `/jobs/${1 + (n++ % 48)}` }) }];
    };
    // Warm, as a server that has been up a while is: the cache entries exist, every page was
    // rendered once, and each seeker's feed was read once (its first read plans the statements
    // and pages the matches in; unwarmed, those first seconds set the feed's p99).
    await fetch(server.url + cachedPath);
    for (let id = 1; id <= 48; id++) await fetch(`${server.url}/jobs/${id}`);
    for (const cookie of cookies)
      await fetch(server.url + trpcGet('matches.forMe', { limit: 20 }), { headers: { cookie } });

    figures.push(await run('cached read (jobs.search, anonymous)', server.url + cachedPath, options));
    figures.push(await run('server-rendered job page (/jobs/:id)', server.url, options, jobPages()));
    figures.push(await run(`personal feed (matches.forMe, ${cookies.length} seekers)`, server.url, options, feed()));
    // Both at once: the feed at full load, and a few connections reading the cache beside it.
    const [underLoad, beside] = await Promise.all([
      run('personal feed, with cached reads beside it', server.url, options, feed()),
      run('cached read (5 conn.) while the feed runs', server.url + cachedPath, options, undefined, 5),
    ]);
    const alone = await run('cached read (5 conn.) alone', server.url + cachedPath, options, undefined, 5);
    figures.push(underLoad, beside, alone);
    if (process.env.LOAD_LOG) (await import('node:fs')).writeFileSync(process.env.LOAD_LOG, server.output());
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  for (const figure of figures) log(describe(figure, baseline));
  return { baseline, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await loadFigures(console.log, { connections: 50, seconds: 10, seekers: 50 });
}
