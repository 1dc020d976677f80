/**
 * Offline evaluation: before an algorithm ships, replay the stored feedback against it. Each
 * seeker's matches are re-scored from their stored facts (semantic score, skill score, missing
 * skills, location) and re-ranked; a good algorithm ranks what people applied to high and what
 * they marked "not relevant" low.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';
import {
  factsOfStoredMatch,
  storedFactsColumns,
  type MatchAlgorithm,
  type ScoringFacts,
  type StoredFactsRow,
} from '../matching/algorithms.ts';

export const TOP_K = 5;

export interface LabelledMatch extends ScoringFacts {
  seekerId: number;
  jobId: number;
  applied: boolean;
  dismissed: boolean;
}

export interface OfflineMetrics {
  algorithm: string;
  /** Seekers with at least one application or "not relevant" among their matches. */
  seekers: number;
  /** Mean over seekers who applied of 1 / the rank of their best-ranked application. */
  meanReciprocalRank: number | null;
  /** Share of applied matches ranked in the seeker's top TOP_K. */
  appliedInTopK: number | null;
  /** Share of "not relevant" matches ranked in the seeker's top TOP_K (lower is better). */
  notRelevantInTopK: number | null;
}

export function evaluateRanking(matches: LabelledMatch[], algorithm: MatchAlgorithm): OfflineMetrics {
  const bySeeker = new Map<number, LabelledMatch[]>();
  for (const m of matches) bySeeker.set(m.seekerId, [...(bySeeker.get(m.seekerId) ?? []), m]);
  let seekers = 0;
  const reciprocalRanks: number[] = [];
  let applied = 0;
  let appliedTop = 0;
  let dismissed = 0;
  let dismissedTop = 0;
  for (const list of bySeeker.values()) {
    if (!list.some((m) => m.applied || m.dismissed)) continue;
    seekers++;
    const ranked = list
      .map((m) => ({ m, score: algorithm.score(m) }))
      .sort((a, b) => b.score - a.score || a.m.jobId - b.m.jobId);
    const firstApplied = ranked.findIndex((r) => r.m.applied);
    if (firstApplied >= 0) reciprocalRanks.push(1 / (firstApplied + 1));
    ranked.forEach((r, index) => {
      if (r.m.applied) {
        applied++;
        if (index < TOP_K) appliedTop++;
      }
      if (r.m.dismissed) {
        dismissed++;
        if (index < TOP_K) dismissedTop++;
      }
    });
  }
  return {
    algorithm: algorithm.name,
    seekers,
    meanReciprocalRank: reciprocalRanks.length
      ? reciprocalRanks.reduce((a, b) => a + b, 0) / reciprocalRanks.length
      : null,
    appliedInTopK: applied ? appliedTop / applied : null,
    notRelevantInTopK: dismissed ? dismissedTop / dismissed : null,
  };
}

/** The stored matches of every seeker who gave feedback, with their facts and labels. */
export async function loadLabelledMatches(db: Queryable): Promise<LabelledMatch[]> {
  const rows = rowsOf<StoredFactsRow & { job_seeker_id: number; job_id: number; applied: boolean; dismissed: boolean }>(
    await db.execute(sql`
      select m.job_seeker_id, m.job_id, ${storedFactsColumns}, m.applied, m.dismissed_at is not null as dismissed
      from matches m join jobs on jobs.id = m.job_id join job_seekers s on s.id = m.job_seeker_id
      where m.job_seeker_id in (select job_seeker_id from matches where applied or dismissed_at is not null)`),
  );
  return rows.map((r) => ({
    seekerId: r.job_seeker_id,
    jobId: r.job_id,
    ...factsOfStoredMatch(r),
    applied: r.applied,
    dismissed: r.dismissed,
  }));
}
