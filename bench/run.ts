/**
 * `npm run bench`: bundle sizes and LCP of the web app; then, at 5,000 and 20,000 jobs and
 * seekers (100,000 with --large), search latency through the API and as bare SQL, recall@10 of
 * HNSW against exact search, match generation and matches.forMe. Figures go to stdout.
 */
import { sql } from 'drizzle-orm';
import { createProviders } from '../server/providers.ts';
import { embedWithCatalog } from '../server/matching/local-embedding.ts';
import { createSession } from '../server/auth/sessions.ts';
import { generateMatchesForJob, generateMatchesForSeeker } from '../server/matching/generate.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { inProcessApi } from './api.ts';
import { QUERIES } from './dataset.ts';
import { benchDatabase } from './load.ts';
import { fmt, recallAt10, time } from './measure.ts';
import { loadFigures } from './load-test.ts';
import { hostileInputs } from './hostile.ts';
import { matchesAtScale } from './matches-scale.ts';
import { matchingQuality } from './matching-quality.ts';
import { parsingBenchmark } from './parsing.ts';
import { searchLatency, searchQuality } from './search-quality.ts';
import { bundleSizes, landingJsOnTheWire, largestContentfulPaint } from './web.ts';

const args = new Set(process.argv.slice(2));
const sizes = args.has('--large') ? [5_000, 20_000, 100_000] : [5_000, 20_000];
const log = (line: string) => console.log(line);
const ai = createProviders();

async function web() {
  log('\n## Web app');
  const sizes = await bundleSizes();
  log(`initial JavaScript of the landing page: ${sizes.initialKb.toFixed(1)} KB gzip (budget 60 KB)`);
  const worst = Object.entries(sizes.routesKb).sort((a, b) => b[1] - a[1]);
  log(`heaviest route, everything loaded: ${worst[0]![0]} ${worst[0]![1].toFixed(1)} KB gzip (budget 100 KB)`);
  const wire = await landingJsOnTheWire();
  log(
    `landing page JavaScript on the wire: ${wire.brotliKb.toFixed(1)} KB brotli (${wire.rawKb.toFixed(1)} KB uncompressed; target 45 KB)`,
  );
  const lcp = await largestContentfulPaint(['/', '/jobs?q=nurse', '/jobs/1']);
  for (const [path, samples] of Object.entries(lcp)) {
    const sorted = samples.sort((a, b) => a - b);
    log(
      `LCP ${path}: median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, worst ${Math.round(sorted.at(-1)!)} ms (5 loads, budget 1000 ms)`,
    );
  }
}

async function data(size: number) {
  log(`\n## ${size.toLocaleString('en-US')} jobs and ${size.toLocaleString('en-US')} seekers`);
  const { db, client, close } = await benchDatabase(size, log);
  const api = await inProcessApi(db);

  const q = (i: number) => QUERIES[i % QUERIES.length]!;
  log('jobs.search through the API (hono + tRPC + SQL, in process):');
  log(`  hybrid (full-text + semantic): ${fmt(await time(40, (i) => api('jobs.search', { q: q(i) })))}`);
  log(
    `  hybrid, filtered (remote, full-time): ${fmt(await time(40, (i) => api('jobs.search', { q: q(i), remoteAllowed: true, employmentType: 'full_time' })))}`,
  );
  log(
    `  browse newest, filtered by location: ${fmt(await time(40, () => api('jobs.search', { location: 'Boston' })))}`,
  );

  const lexicon = buildLexicon(SKILLS_CATALOG);
  const vectors = QUERIES.map((text) => `[${embedWithCatalog(text, lexicon).join(',')}]`);
  log('the same SQL run directly:');
  log(
    `  semantic top-200 (HNSW, ef_search 100): ${fmt(
      await time(40, (i) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local hnsw.ef_search = 100`);
          await tx.execute(
            sql`select id from jobs where status = 'active' order by description_embedding <=> ${vectors[i % vectors.length]}::vector limit 200`,
          );
        }),
      ),
    )}`,
  );
  log(
    `  semantic, filtered (iterative scan): ${fmt(
      await time(40, (i) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
          await tx.execute(sql`set local hnsw.ef_search = 100`);
          await tx.execute(
            sql`select id from jobs where status = 'active' and remote_allowed and employment_type = 'full_time' order by description_embedding <=> ${vectors[i % vectors.length]}::vector limit 200`,
          );
        }),
      ),
    )}`,
  );
  log(
    `  full-text top-1000 (GIN, ranked): ${fmt(await time(40, (i) => db.execute(sql`select id from jobs where search @@ plainto_tsquery('english', ${q(i)}) order by ts_rank_cd(search, plainto_tsquery('english', ${q(i)})) desc limit 1000`)))}`,
  );
  for (const ef of [40, 100])
    log(`recall@10 of HNSW vs exact search, ef_search ${ef}: ${(await recallAt10(db, vectors, ef)).toFixed(3)}`);

  const seekers = (await client.query<{ id: number }>(`select id from job_seekers order by id limit 20`)).rows.map(
    (r) => r.id,
  );
  const jobs = (await client.query<{ id: number }>(`select id from jobs order by id limit 20`)).rows.map((r) => r.id);
  log(
    `matches for one seeker against ${size} jobs: ${fmt(await time(19, (i) => generateMatchesForSeeker(db, ai, seekers[(i + 1) % seekers.length]!, new Date())))}`,
  );
  log(
    `matches for one job against ${size} seekers: ${fmt(await time(19, (i) => generateMatchesForJob(db, ai, jobs[(i + 1) % jobs.length]!, new Date())))}`,
  );
  const { token } = await createSession(db, seekers[1]!, new Date());
  log(
    `matches.forMe through the API: ${fmt(await time(40, () => api('matches.forMe', { limit: 20 }, `session=${token}`)))}`,
  );
  await close();
}

async function load() {
  log('\n## Load: 50 connections, 10 s each, against the Node entry (demo data + 50 signed-in seekers)');
  await loadFigures(log, { connections: 50, seconds: 10, seekers: 50 });
}

const only = [
  '--web-only',
  '--data-only',
  '--load-only',
  '--matches-only',
  '--parsing-only',
  '--matching-only',
  '--hostile-only',
  '--search-only',
].find((flag) => args.has(flag));
if (!only || only === '--web-only') await web();
if (!only || only === '--data-only') for (const size of sizes) await data(size);
if (!only || only === '--matches-only') await matchesAtScale(log);
if (!only || only === '--parsing-only') await parsingBenchmark(log);
if (!only || only === '--matching-only') await matchingQuality(log);
if (!only || only === '--search-only') await searchQuality(log).then(() => searchLatency(log));
if (!only || only === '--load-only') await load();
if (!only || only === '--hostile-only') await hostileInputs(log);
