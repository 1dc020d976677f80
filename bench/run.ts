/**
 * `npm run bench`: bundle sizes and LCP of the web app; then, at 5,000 and 20,000 jobs and
 * seekers (100,000 with --large), search latency through the API and as bare SQL, recall@10 of
 * HNSW against exact search, match generation and matches.forMe. Figures go to stdout.
 */
import { createProviders } from '../server/providers.ts';
import { createSession } from '../server/auth/sessions.ts';
import { generateMatchesForJob, generateMatchesForSeeker } from '../server/matching/generate.ts';
import { inProcessApi } from './api.ts';
import { fmt, time } from './measure.ts';
import { MAX_SEEKERS, scaleDatabase } from './scale-database.ts';
import { type ScaleFigures, scaleTable, searchAtScale } from './search-scale.ts';
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
const scale: ScaleFigures[] = [];

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
  log(`\n## ${size.toLocaleString('en-US')} jobs and ${Math.min(size, MAX_SEEKERS).toLocaleString('en-US')} seekers`);
  const started = performance.now();
  const opened = await scaleDatabase(size, log);
  const { db, client, close } = opened;
  const api = await inProcessApi(db);
  scale.push(await searchAtScale(opened, size, log));
  log(
    `search at ${size.toLocaleString('en-US')} jobs built (or loaded) and measured in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  const seekers = (await client.query<{ id: number }>(`select id from job_seekers order by id limit 20`)).rows.map(
    (r) => r.id,
  );
  const jobs = (await client.query<{ id: number }>(`select id from jobs order by id limit 20`)).rows.map((r) => r.id);
  log(
    `matches for one seeker against ${size} jobs: ${fmt(await time(19, (i) => generateMatchesForSeeker(db, ai, seekers[(i + 1) % seekers.length]!, new Date())))}`,
  );
  log(
    `matches for one job against ${Math.min(size, MAX_SEEKERS)} seekers: ${fmt(await time(19, (i) => generateMatchesForJob(db, ai, jobs[(i + 1) % jobs.length]!, new Date())))}`,
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
if (!only || only === '--data-only') {
  for (const size of sizes) await data(size);
  log(scaleTable(scale));
}
if (!only || only === '--matches-only') await matchesAtScale(log);
if (!only || only === '--parsing-only') await parsingBenchmark(log);
if (!only || only === '--matching-only') await matchingQuality(log);
if (!only || only === '--search-only') await searchQuality(log).then(() => searchLatency(log));
if (!only || only === '--load-only') await load();
if (!only || only === '--hostile-only') await hostileInputs(log);
