/**
 * Moving stored matches to the current assignment: when an experiment starts or stops, the
 * matches already in the table were scored by the algorithm of the time. The scheduled sweep
 * (and the Node entry right after a start or stop) re-scores them in bounded batches from their
 * stored facts, with no embedding or model call; each new score goes to the decision log.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { aiDecisions } from '../../db/schema.ts';
import { ensureDecisionPartition } from '../audit/decision-log.ts';
import {
  algorithmNamed,
  DEFAULT_ALGORITHM,
  factsOfStoredMatch,
  storedFactsColumns,
  type StoredFactsRow,
} from '../matching/algorithms.ts';
import { rowsOf } from '../sql-helpers.ts';
import { algorithmFor, runningExperiment } from './assignment.ts';

const RESCORE_BATCH = 2_000;

/**
 * Re-scores up to `limit` matches whose experiment is not the running one, or, when none runs,
 * whose algorithm is not the default (MATCHING_ALGORITHM changed: a roll-out or a roll-back);
 * returns how many.
 */
export async function rescoreToCurrentAssignment(
  db: Database,
  now: Date,
  limit = RESCORE_BATCH,
  defaultAlgorithm?: string,
): Promise<number> {
  const experiment = await runningExperiment(db);
  const name = experiment?.name ?? null;
  const rows = rowsOf<
    StoredFactsRow & {
      id: number;
      job_seeker_id: number;
      job_id: number;
      embedding_model: string | null;
      parser_model: string | null;
    }
  >(
    await db.execute(sql`
      select m.id, m.job_seeker_id, m.job_id, ${storedFactsColumns},
             s.resume_embedding_model as embedding_model, s.resume_parser_model as parser_model
      from matches m join jobs on jobs.id = m.job_id join job_seekers s on s.id = m.job_seeker_id
      where m.experiment_name is distinct from ${name} ${name === null && defaultAlgorithm ? sql`or m.algorithm_version <> ${defaultAlgorithm}` : sql``}
      limit ${limit}`),
  );
  if (rows.length === 0) return 0;
  const rescored = rows.map((r) => {
    const { algorithm } = algorithmFor(r.job_seeker_id, experiment, defaultAlgorithm ?? DEFAULT_ALGORITHM);
    return { ...r, algorithm, overall: algorithmNamed(algorithm).score(factsOfStoredMatch(r)) };
  });
  await ensureDecisionPartition(db, now);
  await db.transaction(async (tx) => {
    const values = sql.join(
      rescored.map((r) => sql`(${r.job_seeker_id}::int, ${r.id}::int, ${r.overall}::float8, ${r.algorithm}::varchar)`),
      sql`, `,
    );
    await tx.execute(sql`
      update matches m set overall_score = v.score, algorithm_version = v.algorithm, experiment_name = ${name}, generated_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as v(seeker_id, id, score, algorithm)
      where m.job_seeker_id = v.seeker_id and m.id = v.id`);
    await tx.insert(aiDecisions).values(
      rescored.map((r) => ({
        createdAt: now,
        jobSeekerId: r.job_seeker_id,
        jobId: r.job_id,
        overallScore: r.overall,
        algorithmVersion: r.algorithm,
        experimentName: name,
        embeddingModel: r.embedding_model,
        parserModel: r.parser_model,
        // The explanation is not rewritten: it states facts, not the overall score.
        reasoningModel: 'kept (re-scored)',
      })),
    );
  });
  return rescored.length;
}
