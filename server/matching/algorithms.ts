/**
 * Matching algorithms as named, versioned strategies. Each turns the same facts (semantic
 * score, skill fit, location fit) into an overall score in [0, 1]; the name is stored on every
 * match and decision-log row. A change of formula is a new name, never an edit of an old one.
 */
import { sql } from 'drizzle-orm';
import { locationFit, overallScore, type SkillFit } from './scoring.ts';

export interface ScoringFacts {
  semantic: number;
  /** null when the job lists no skills. */
  skills: number | null;
  location: number;
  missing: SkillFit[];
}

export interface MatchAlgorithm {
  name: string;
  description: string;
  score(facts: ScoringFacts): number;
}

const clampRound = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;

/** Each missing must-have (required, priority 1) costs this share of the score. */
const MISSING_MUST_HAVE_PENALTY = 0.15;

export const ALGORITHMS: Record<string, MatchAlgorithm> = {
  'blend-v1': {
    name: 'blend-v1',
    description: '0.45 × semantic + 0.45 × skills + 0.10 × location (0.9 × semantic + 0.1 × location for a job without skills).',
    score: (f) => overallScore(f.semantic, f.skills, f.location),
  },
  'skills-first-v1': {
    name: 'skills-first-v1',
    description:
      '0.30 × semantic + 0.60 × skills + 0.10 × location, then × 0.85 for each missing must-have skill: ranks by what the job demands over how the resume reads.',
    score: (f) => {
      if (f.skills === null) return overallScore(f.semantic, null, f.location);
      const mustHavesMissing = f.missing.filter((s) => s.required && s.priority === 1).length;
      return clampRound((0.3 * f.semantic + 0.6 * f.skills + 0.1 * f.location) * (1 - MISSING_MUST_HAVE_PENALTY) ** mustHavesMissing);
    },
  },
};

export const DEFAULT_ALGORITHM = 'blend-v1';

export function algorithmNamed(name: string): MatchAlgorithm {
  const algorithm = ALGORITHMS[name];
  if (!algorithm) throw new Error(`Unknown matching algorithm: ${name}`);
  return algorithm;
}

/** What a stored match row keeps of its facts: select `storedFactsColumns` over `matches m join jobs … join job_seekers s …`. */
export const storedFactsColumns = sql`m.semantic_score, m.skill_match_score, m.missing_skills, jobs.location as job_location, jobs.remote_allowed, s.location as seeker_location`;

export interface StoredFactsRow {
  semantic_score: number | null;
  skill_match_score: number | null;
  missing_skills: SkillFit[] | null;
  job_location: string | null;
  remote_allowed: boolean;
  seeker_location: string | null;
}

/** The facts of a stored match, to score it again with any algorithm (no embedding or model call). */
export function factsOfStoredMatch(r: StoredFactsRow): ScoringFacts {
  return {
    semantic: r.semantic_score ?? 0,
    skills: r.skill_match_score,
    location: locationFit({ location: r.job_location, remoteAllowed: r.remote_allowed }, r.seeker_location),
    missing: r.missing_skills ?? [],
  };
}
