/**
 * The semantic stage of job search: the visible jobs nearest a query's embedding, through the
 * HNSW index over the description embeddings (docs/decisions/0013-search-at-scale.md).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';

export type QueryKind = 'keyword' | 'document';

/** What people type into the box is up to four words; longer queries describe the work. */
export function queryKind(query: string): QueryKind {
  return query.split(/\s+/).filter(Boolean).length <= 4 ? 'keyword' : 'document';
}

/**
 * The HNSW walk's beam per kind. A keyword's vector has few features and is near nothing in
 * particular, so a narrow beam stops in the wrong neighbourhood (recall@10 0.7 at 40); a
 * document's vector finds its neighbours with a narrow one. Chosen on bench/search-scale.ts.
 */
const EF_SEARCH: Record<QueryKind, number> = { keyword: 200, document: 80 };

/**
 * The nearest visible jobs as a statement (id, similarity), to run in the transaction
 * `beginNearestScan` prepared. `narrow`: filters beyond visibility, where computing the distance
 * of each job kept is cheaper than walking the graph past the others, and the planner is left to
 * choose. Otherwise the index is used whatever the table's size: at 5,000 jobs the planner's
 * estimate preferred a scan of every row, ten times slower (issue 23).
 */
export function nearestJobsSql(options: { where: SQL; vector: number[]; limit: number }): SQL {
  const vector = `[${options.vector.join(',')}]`;
  return sql`
      select id, 1 - (description_embedding <=> ${vector}::vector) as similarity from jobs
      where ${options.where} and description_embedding is not null
      order by description_embedding <=> ${vector}::vector limit ${options.limit}`;
}

/**
 * The index settings of the scan, `set local` in one statement: with filters, HNSW alone could
 * stop short of k rows, so iterative scans keep looking; the beam by query kind; and without a
 * sort, the only plan left for "order by distance" is the index's. Planned afresh each time: a
 * plan PGlite kept for the statement's text (decision 0016) would ignore the sort setting.
 */
export async function beginNearestScan(tx: Queryable, options: { query: string; narrow?: boolean }) {
  const efSearch = String(EF_SEARCH[queryKind(options.query)]);
  await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true),
    set_config('hnsw.ef_search', ${efSearch}, true),
    set_config('enable_sort', ${options.narrow ? 'on' : 'off'}, true),
    set_config('plan_cache_mode', 'force_custom_plan', true)`);
}

/** Runs inside a transaction: the index settings are `set local`. */
export async function nearestJobs(
  tx: Queryable,
  options: { where: SQL; vector: number[]; query: string; limit: number; narrow?: boolean },
): Promise<{ id: number; similarity: number }[]> {
  await beginNearestScan(tx, options);
  return rowsOf<{ id: number; similarity: number }>(await tx.execute(nearestJobsSql(options)));
}
