/**
 * Search at scale (issue 23 parts 1-3), over one bench database: the share of distinct vectors,
 * jobs.search through the API and the very SQL statements it ran (recorded, then replayed on the
 * same connection, both as prepared statements: PGlite's driver path, decision 0016), for typed and document-like queries, plain and filtered; and recall@10 of the
 * semantic stage as the product runs it against an exact scan, by query kind.
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from '../db/database.ts';
import { type StatementClient, withPreparedStatements } from '../db/pglite-statements.ts';
import * as schema from '../db/schema.ts';
import { inProcessApi } from './api.ts';
import { type BenchQuery, SEARCH_QUERIES } from './dataset.ts';
import { percentiles, type Timing } from './measure.ts';

const RUNS = 60;
type Statement = { query: string; params: unknown[] };

export interface ScaleFigures {
  size: number;
  distinctVectors: number;
  jobs: number;
  search: Record<string, { api: Timing; sql: Timing }>;
  recall: Record<string, number>;
}

const fmtPair = (t: { api: Timing; sql: Timing }) =>
  `API p50 ${t.api.p50} / p95 ${t.api.p95} ms, its SQL p50 ${t.sql.p50} / p95 ${t.sql.p95} ms, API ÷ SQL ${(t.api.p50 / t.sql.p50).toFixed(2)} (p50) ${(t.api.p95 / t.sql.p95).toFixed(2)} (p95), n=${t.api.n}`;

/** The statements one search runs, in order, as the driver sent them. */
function recorder(client: StatementClient) {
  let statements: Statement[] = [];
  const db = drizzle(client as unknown as PGlite, {
    schema,
    logger: { logQuery: (query, params) => statements.push({ query, params }) },
  }) as unknown as Database;
  return {
    db,
    take() {
      const taken = statements;
      statements = [];
      return taken;
    },
  };
}

/**
 * Times each search through the API and its recorded statements run directly. The two alternate
 * from one query to the next (API for the first, SQL for the second, ...), then the other way
 * round, twice: load drifts hit both alike, and each search is timed after a different one, as
 * users' searches come. Timed in pairs of the same query, the second run found the pages the
 * first had just read still in PGlite's buffers (its HNSW index outgrows them at 20,000 jobs) and
 * was 3 ms faster, whichever of the two it was.
 */
async function apiAgainstSql(client: StatementClient, inputs: object[]): Promise<{ api: Timing; sql: Timing }> {
  const recording = recorder(client);
  const recordedApi = await inProcessApi(recording.db);
  const api = await inProcessApi(recording.db);
  const scripts: Statement[][] = [];
  for (const input of inputs) {
    await recordedApi('jobs.search', input);
    scripts.push(recording.take());
  }
  const samples = { api: [] as number[], sql: [] as number[] };
  const run = {
    api: (i: number) => api.received('jobs.search', inputs[i]).then(() => recording.take()),
    sql: (i: number) =>
      client.transaction(async (tx) => {
        for (const s of scripts[i]!) await tx.query(s.query, s.params);
      }),
  };
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < inputs.length; i++) {
      const layer = (i + round) % 2 === 0 ? 'api' : 'sql';
      const t = performance.now();
      await run[layer](i);
      samples[layer].push(performance.now() - t);
    }
  }
  return { api: percentiles(samples.api), sql: percentiles(samples.sql) };
}

/**
 * recall@10 of the semantic stage as the product runs it: each search's own nearest-jobs
 * statement, recorded through the API (so with the point its text hits lend it; a described
 * query's walks to its seeds and from them are one statement), replayed after its own index
 * settings, once as they are and once exact (index scans off, sorting allowed: with
 * both disabled the planner took the index anyway, and "exact" was the HNSW walk again).
 */
export async function recallAt10(client: StatementClient, queries: BenchQuery[]): Promise<number> {
  const recording = recorder(client);
  const api = await inProcessApi(recording.db);
  let hits = 0;
  for (const { q } of queries) {
    await api('jobs.search', { q });
    const script = recording.take();
    const at = script.findIndex((s) => s.query.includes('order by description_embedding <=>'));
    const settings = script.slice(0, Math.max(at, 0)).findLast((s) => s.query.includes('hnsw.ef_search'));
    if (at < 0 || !settings) throw new Error(`no semantic stage recorded for "${q}"`);
    const nearestTen = (exact: boolean) =>
      client.transaction(async (tx) => {
        await tx.query(settings.query, settings.params);
        if (exact)
          await tx.query(`select set_config('enable_sort', 'on', true), set_config('enable_indexscan', 'off', true)`);
        const { rows } = await tx.query<{ facts: string }>(script[at]!.query, script[at]!.params);
        return (JSON.parse(rows[0]!.facts) as [number][]).slice(0, 10).map(([id]) => id);
      });
    const truth = new Set(await nearestTen(true));
    hits += (await nearestTen(false)).filter((id) => truth.has(id)).length;
  }
  return hits / (queries.length * 10);
}

export async function searchAtScale(
  opened: { db: Database; client: PGlite },
  size: number,
  log: (line: string) => void,
): Promise<ScaleFigures> {
  const { client } = opened;
  const statements = withPreparedStatements(client);
  const counted = await client.query<{ distinct: number; all: number }>(
    // By digest: sorting 100,000 vectors themselves runs PGlite out of memory.
    `select count(distinct md5(description_embedding::text))::int as distinct, count(*)::int as all from jobs`,
  );
  const { distinct, all } = counted.rows[0]!;
  log(`distinct description vectors: ${distinct} of ${all} (${((100 * distinct) / all).toFixed(1)}%)`);

  const queries = Array.from({ length: RUNS }, (_, i) => SEARCH_QUERIES[i % SEARCH_QUERIES.length]!);
  const ofKind = (kind: string) => queries.filter((q) => q.kind === kind).map((q) => q.q);
  const filtered = { remoteAllowed: true, employmentType: 'full_time' };
  // Warm the caches and the plans once.
  await apiAgainstSql(
    statements,
    queries.map((q) => ({ q: q.q })),
  );
  const search: ScaleFigures['search'] = {
    hybrid: await apiAgainstSql(
      statements,
      queries.map((q) => ({ q: q.q })),
    ),
    'hybrid, filtered (remote, full-time)': await apiAgainstSql(
      statements,
      queries.map((q) => ({ q: q.q, ...filtered })),
    ),
    'keyword only': await apiAgainstSql(
      statements,
      ofKind('keyword').map((q) => ({ q })),
    ),
    'document only': await apiAgainstSql(
      statements,
      ofKind('document').map((q) => ({ q })),
    ),
    'browse newest in Boston': await apiAgainstSql(
      statements,
      Array.from({ length: 20 }, () => ({ location: 'Boston' })),
    ),
  };
  log('jobs.search (hono + tRPC + SQL, in process) and the same statements run directly:');
  for (const [label, t] of Object.entries(search)) log(`  ${label}: ${fmtPair(t)}`);

  const recallStarted = performance.now();
  const recall: ScaleFigures['recall'] = {};
  for (const kind of ['keyword', 'document'] as const) {
    recall[kind] = await recallAt10(
      statements,
      SEARCH_QUERIES.filter((q) => q.kind === kind),
    );
  }
  log(
    `recall@10 of the semantic stage vs exact: keyword ${recall.keyword!.toFixed(3)}, document ${recall.document!.toFixed(3)} (measured in ${((performance.now() - recallStarted) / 1000).toFixed(0)} s)`,
  );
  return { size, distinctVectors: distinct, jobs: all, search, recall };
}

/** The figures of every size measured, one column per size: how cost grows. */
export function scaleTable(figures: ScaleFigures[]): string {
  if (!figures.length) return '';
  const columns = figures.map((f) => `${f.size.toLocaleString('en-US')} jobs`);
  const row = (label: string, cell: (f: ScaleFigures) => string) => `| ${label} | ${figures.map(cell).join(' | ')} |`;
  const lines = [
    '\n## Search at scale (p50 / p95 ms)',
    `| what | ${columns.join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
  ];
  for (const label of Object.keys(figures[0]!.search)) {
    lines.push(row(`${label}, API`, (f) => `${f.search[label]!.api.p50} / ${f.search[label]!.api.p95}`));
    lines.push(row(`${label}, its SQL`, (f) => `${f.search[label]!.sql.p50} / ${f.search[label]!.sql.p95}`));
  }
  lines.push(
    row('recall@10 keyword / document', (f) => `${f.recall.keyword!.toFixed(2)} / ${f.recall.document!.toFixed(2)}`),
  );
  lines.push(
    row('distinct vectors', (f) => `${f.distinctVectors.toLocaleString('en-US')} of ${f.jobs.toLocaleString('en-US')}`),
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { scaleDatabase } = await import('./scale-database.ts');
  const log = (line: string) => console.log(line);
  const figures: ScaleFigures[] = [];
  for (const size of process.argv.slice(2).map(Number).filter(Boolean)) {
    log(`\n## ${size} jobs`);
    const started = performance.now();
    const opened = await scaleDatabase(size, log);
    figures.push(await searchAtScale(opened, size, log));
    await opened.close();
    log(`${size} jobs built (or loaded) and measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  log(scaleTable(figures));
}
