/**
 * The AI decision log (ai_decisions, partitioned by month): written with every score, read by
 * admins, kept for the configured months (at least 6), then dropped a month at a time.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';

const MIN_DECISION_LOG_MONTHS = 6;

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const partitionName = (start: Date) =>
  `ai_decisions_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;

/** Partitions known to exist, per database handle: one catalog lookup per month and process. */
const ensured = new WeakMap<object, Set<string>>();

/** Creates the month's partition of `at` if it is missing (safe to call concurrently). */
export async function ensureDecisionPartition(db: Queryable, at: Date): Promise<void> {
  const start = monthStart(at.getUTCFullYear(), at.getUTCMonth());
  const name = partitionName(start);
  const known = ensured.get(db) ?? new Set<string>();
  ensured.set(db, known);
  if (known.has(name)) return;
  const end = monthStart(start.getUTCFullYear(), start.getUTCMonth() + 1);
  const exists = async () =>
    rowsOf<{ found: string | null }>(await db.execute(sql`select to_regclass(${name})::text as found`))[0]?.found !=
    null;
  if (!(await exists())) {
    try {
      // The name and bounds are built from a date above, never from input.
      await db.execute(
        sql.raw(
          `create table if not exists "${name}" partition of ai_decisions for values from ('${start.toISOString()}') to ('${end.toISOString()}')`,
        ),
      );
    } catch (error) {
      if (!(await exists())) throw error; // another writer created it at the same moment otherwise
    }
  }
  known.add(name);
}

/** Detaches and drops the months that ended more than `retentionMonths` before `now`. */
export async function dropExpiredDecisionPartitions(
  db: Queryable,
  now: Date,
  retentionMonths: number,
): Promise<string[]> {
  const months = Math.max(MIN_DECISION_LOG_MONTHS, retentionMonths);
  const keepFrom = monthStart(now.getUTCFullYear(), now.getUTCMonth() - months);
  const partitions = rowsOf<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'ai_decisions'::regclass`,
    ),
  );
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const match = /^ai_decisions_y(\d{4})m(\d{2})$/.exec(name);
    if (!match) continue;
    const end = monthStart(Number(match[1]), Number(match[2]));
    if (end > keepFrom) continue;
    await db.execute(sql.raw(`alter table ai_decisions detach partition "${name}"`));
    await db.execute(sql.raw(`drop table "${name}"`));
    ensured.get(db)?.delete(name);
    dropped.push(name);
  }
  return dropped;
}

/** For admins: newest first, optionally for one seeker or one job, keyset-paged by id. */
export async function listDecisions(
  db: Queryable,
  input: { seekerId?: number | undefined; jobId?: number | undefined; beforeId?: number | undefined; limit: number },
) {
  const rows = rowsOf<{
    id: string | number;
    created_at: Date | string;
    job_seeker_id: number | null;
    job_id: number | null;
    overall_score: number;
    algorithm_version: string;
    experiment_name: string | null;
    embedding_model: string | null;
    parser_model: string | null;
    reasoning_model: string;
  }>(
    await db.execute(sql`
      select id, created_at, job_seeker_id, job_id, overall_score, algorithm_version, experiment_name, embedding_model, parser_model, reasoning_model
      from ai_decisions
      where true
        ${input.seekerId !== undefined ? sql`and job_seeker_id = ${input.seekerId}` : sql``}
        ${input.jobId !== undefined ? sql`and job_id = ${input.jobId}` : sql``}
        ${input.beforeId !== undefined ? sql`and id < ${input.beforeId}` : sql``}
      order by id desc
      limit ${input.limit + 1}`),
  );
  const page = rows.slice(0, input.limit).map((r) => ({
    id: Number(r.id),
    createdAt: new Date(r.created_at).toISOString(),
    seekerId: r.job_seeker_id,
    jobId: r.job_id,
    overallScore: r.overall_score,
    algorithmVersion: r.algorithm_version,
    experimentName: r.experiment_name,
    embeddingModel: r.embedding_model,
    parserModel: r.parser_model,
    reasoningModel: r.reasoning_model,
  }));
  return { items: page, nextBeforeId: rows.length > input.limit ? page.at(-1)!.id : null };
}
