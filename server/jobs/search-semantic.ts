/**
 * The semantic stage of job search: the visible jobs nearest a query's embedding, through the
 * HNSW index over the description embeddings.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';

/** Runs inside a transaction: the index settings are `set local`. */
export async function nearestJobs(
  tx: Queryable,
  options: { where: SQL; vector: number[]; query: string; limit: number },
): Promise<{ id: number; similarity: number }[]> {
  const vector = `[${options.vector.join(',')}]`;
  // With filters, HNSW alone could stop short of k rows; iterative scans keep looking.
  await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
  await tx.execute(sql`set local hnsw.ef_search = 100`);
  return rowsOf<{ id: number; similarity: number }>(
    await tx.execute(sql`
      select id, 1 - (description_embedding <=> ${vector}::vector) as similarity from jobs
      where ${options.where} and description_embedding is not null
      order by description_embedding <=> ${vector}::vector limit ${options.limit}`),
  );
}
