/**
 * The semantic stage of job search: the visible jobs nearest a query's embedding leaning on its
 * best text hits, through the HNSW index over the description embeddings (docs/decisions/0013,
 * 0017).
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import { jobs } from '../../db/schema.ts';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';

export type QueryKind = 'keyword' | 'document';

/** What people type into the box is up to four words; longer queries describe the work. */
export function queryKind(query: string): QueryKind {
  return query.split(/\s+/).filter(Boolean).length <= 4 ? 'keyword' : 'document';
}

/**
 * The HNSW walk's beam per kind. A typed query's vector has few features; even leaning on its
 * text hits (`nearestJobsSql`) it sits between them and the bare words, and a narrow beam stops
 * short: recall@10 at 20,000 jobs 0.93 at 200, 0.97 at 300, 0.98 at 400. A described query walks
 * twice (to its nearest jobs, then from the point their best word matches lend it): its top 10
 * against the same two walks made exactly, 0.94 at 40, 0.995 at 60, 1.00 at 100 (at 100,000
 * jobs 0.82 at both 60 and 100: there the exact first walk picks other seeds, whatever the beam).
 * Chosen on bench/search-scale.ts (decisions 0017, 0018).
 */
const EF_SEARCH: Record<QueryKind, number> = { keyword: 300, document: 60 };
/** The number of jobs the beams above were chosen at. */
const BEAMS_CHOSEN_AT = 20_000;
/** pgvector's largest `hnsw.ef_search`. */
const WIDEST_BEAM = 1_000;

/**
 * The beam grows with the graph: past the size it was chosen at, by the square root of the jobs
 * the table holds (`reltuples`, as the last analyze counted them; never analyzed, -1: the base).
 * At 100,000 jobs a described query's top 10 was 0.917 of the exact one at 60, 0.953 at 150, and
 * a typed query's 0.853 at 300, 0.900 at 600, 0.923 at 1,000, for 1-2 ms more at p50 (issue 23).
 */
const beamFor = (kind: QueryKind) => {
  const base = sql.raw(String(EF_SEARCH[kind]));
  return sql`(select least(${sql.raw(String(WIDEST_BEAM))}, greatest(${base},
      round(${base} * sqrt(greatest(reltuples, 0) / ${sql.raw(String(BEAMS_CHOSEN_AT))}))))::int::text
    from pg_class where oid = 'jobs'::regclass)`;
};

/**
 * Whether a job's words or its company's match a full-text query (jobs joined to employers). The
 * query is words joined by "or", so either side matching is the two concatenated matching, without
 * building the concatenation for every row.
 */
export const matchesJobWords = (tsQuery: SQL) => sql`(jobs.search @@ ${tsQuery} or employers.search @@ ${tsQuery})`;

/**
 * How well a job's words and its company's match a full-text query: `ts_rank` of the two
 * concatenated. Concatenating a job's tsvector with its company's copied the whole description's
 * vector for every ranked row (about 1 ms of a common word's text stage at 20,000 jobs); when the
 * company shares no word with the query the concatenation ranks exactly as the job's own vector
 * does, so it is built only for the rows whose company does (issue 23).
 */
export const rankOfJobWords = (tsQuery: SQL) => sql`case when ts_rank(employers.search, ${tsQuery}) > 0
    then ts_rank(jobs.search || employers.search, ${tsQuery}) else ts_rank(jobs.search, ${tsQuery}) end`;

/** How many of a query's best text hits lend it their meaning (`nearestJobsSql`). */
export const SEED_HITS = 5;

/**
 * Where the meaning of a query's best word matches is found: given (a typed query's best text
 * hits), or among its own nearest jobs (a described query: the best by its words of the
 * `among` nearest its bare vector `within` the jobs a condition keeps, `matching` its full-text
 * query).
 */
export type Seeds = number[] | { matching: SQL; among: number; within: SQL };

/**
 * The nearest visible jobs as a statement (id, similarity), to run in a transaction with
 * `nearestScanSettings` (`beginNearestScan`, or the search's own settings statement). The walk
 * searches from the query's own vector plus the mean direction of the embeddings of `seeds`, its
 * best word matches (pseudo-relevance feedback), or from the query's vector alone when its words
 * found nothing. A typed query's vector has a few dozen features and is near nothing in
 * particular: the HNSW walk found 7 of its 10 exact nearest jobs at 20,000 (issue 23), and those
 * were jobs that share a trigram rather than the work.
 * Leaning on what its words found makes it a point among documents, where the walk finds its
 * neighbours (decision 0017). The point is computed once and reaches the index as a value (a
 * sub-select): a joined column could not order an index scan.
 */
export function nearestJobsSql(options: { where: SQL; vector: number[]; seeds: Seeds; limit: number }): SQL {
  const { where, seeds } = options;
  const walk = (
    from: SQL,
    limit: number,
    within: SQL,
  ) => sql`select id, 1 - (description_embedding <=> ${from}) as similarity
      from jobs where ${within} and description_embedding is not null
      order by description_embedding <=> ${from} limit ${limit}`;
  const seedsOf = Array.isArray(seeds)
    ? sql``
    : sql`first_walk as materialized (${walk(sql`(select v from query)`, seeds.among, seeds.within)}),
      seeds as materialized (select jobs.id from first_walk join jobs on jobs.id = first_walk.id
        join employers on employers.id = jobs.employer_id where ${matchesJobWords(seeds.matching)}
        order by ${rankOfJobWords(seeds.matching)} desc, jobs.id limit ${SEED_HITS}),`;
  const isSeed = Array.isArray(seeds) ? inArray(jobs.id, seeds) : sql`jobs.id in (select id from seeds)`;
  // Seeds without embeddings add nothing (no seeds: `false`): twice the query is its direction.
  return sql`
      with query as materialized (select ${`[${options.vector.join(',')}]`}::vector as v), ${seedsOf}
      target as materialized (select query.v + coalesce(
          (select l2_normalize(avg(description_embedding)) from jobs where ${isSeed}), query.v) as v
        from query)
      ${walk(sql`(select v from target)`, options.limit, where)}`;
}

/**
 * The index settings of the scan, as `set_config` calls for a transaction: with filters, HNSW
 * alone could stop short of k rows, so iterative scans keep looking; the beam by query kind; and
 * without a sort, the only plan left for "order by distance" is the index's. `narrow`: filters
 * beyond visibility, where computing the distance of each job kept is cheaper than walking the
 * graph past the others, so the sort stays allowed and the planner chooses; otherwise the index is
 * used whatever the table's size (at 5,000 jobs the planner's estimate preferred a scan of every
 * row, ten times slower: issue 23). The statement must be planned afresh each time
 * (`plan_cache_mode`): a plan PGlite kept for its text (decision 0016) would ignore the sort
 * setting.
 */
export function nearestScanSettings(options: { query: string; narrow?: boolean }): SQL {
  return sql`set_config('hnsw.iterative_scan', 'relaxed_order', true),
    set_config('hnsw.ef_search', ${beamFor(queryKind(options.query))}, true),
    set_config('enable_sort', ${options.narrow ? 'on' : 'off'}, true)`;
}

export async function beginNearestScan(tx: Queryable, options: { query: string; narrow?: boolean }) {
  await tx.execute(
    sql`select ${nearestScanSettings(options)}, set_config('plan_cache_mode', 'force_custom_plan', true)`,
  );
}

/** Runs inside a transaction: the index settings are `set local`. */
export async function nearestJobs(
  tx: Queryable,
  options: { where: SQL; vector: number[]; seeds: Seeds; query: string; limit: number; narrow?: boolean },
): Promise<{ id: number; similarity: number }[]> {
  await beginNearestScan(tx, options);
  return rowsOf<{ id: number; similarity: number }>(await tx.execute(nearestJobsSql(options)));
}
