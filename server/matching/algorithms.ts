/**
 * Matching algorithms as named, versioned strategies. Each turns the same facts (semantic
 * score, skill fit, location fit) into an overall score in [0, 1]; the name is stored on every
 * match and decision-log row. A change of formula is a new name, never an edit of an old one.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { locationFit, overallScore, type SkillFit } from './scoring.ts';
import { skillsConfidence, textSignals, type JobForSignals, type ResumeForSignals } from './text-signals.ts';

export interface ScoringFacts {
  semantic: number;
  /** null when the job lists no skills. */
  skills: number | null;
  location: number;
  missing: SkillFit[];
  /** Words in common between resume and job (text-signals.ts), in [0, 1]. */
  lexical: number;
  /** The job title's words among the resume's own titles, in [0, 1]. */
  titleMatch: number;
  /** How far the job's skills list can be trusted: 1 chosen by the employer, less when inferred from few skills. */
  skillsConfidence: number;
}

export interface MatchAlgorithm {
  name: string;
  description: string;
  score(facts: ScoringFacts): number;
  /** Whether it weighs the text signals (its explanations then speak of them). */
  readsTexts?: boolean;
}

const clampRound = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;

/** Each missing must-have (required, priority 1) costs this share of the score. */
const MISSING_MUST_HAVE_PENALTY = 0.15;

export const ALGORITHMS: Record<string, MatchAlgorithm> = {
  'blend-v1': {
    name: 'blend-v1',
    description:
      '0.45 × semantic + 0.45 × skills + 0.10 × location (0.9 × semantic + 0.1 × location for a job without skills).',
    score: (f) => overallScore(f.semantic, f.skills, f.location),
  },
  'skills-first-v1': {
    name: 'skills-first-v1',
    description:
      '0.30 × semantic + 0.60 × skills + 0.10 × location, then × 0.85 for each missing must-have skill: ranks by what the job demands over how the resume reads.',
    score: (f) => {
      if (f.skills === null) return overallScore(f.semantic, null, f.location);
      const mustHavesMissing = f.missing.filter((s) => s.required && s.priority === 1).length;
      return clampRound(
        (0.3 * f.semantic + 0.6 * f.skills + 0.1 * f.location) * (1 - MISSING_MUST_HAVE_PENALTY) ** mustHavesMissing,
      );
    },
  },
};

/** blend-v2's weights; the skills' share shrinks with their confidence and the texts take what it leaves. */
const BLEND_V2 = { semantic: 0.1, lexical: 0.6, title: 0.15, skills: 0.1, location: 0.05 } as const;

function blendV2(f: ScoringFacts): number {
  const w = BLEND_V2;
  const skills = f.skills === null ? 0 : w.skills * f.skillsConfidence;
  const texts = w.semantic + w.lexical + w.title;
  const textFit = (w.semantic * f.semantic + w.lexical * f.lexical + w.title * f.titleMatch) / texts;
  return clampRound((texts + w.skills - skills) * textFit + skills * (f.skills ?? 0) + w.location * f.location);
}

ALGORITHMS['blend-v2'] = {
  name: 'blend-v2',
  description:
    '0.10 × semantic + 0.60 × words in common (BM25-style, IDF-weighted, both ways) + 0.15 × title match + 0.10 × skills × confidence + 0.05 × location; the skills share a doubtful (few, inferred) skills list does not earn goes to the texts.',
  score: blendV2,
  readsTexts: true,
};

/** The algorithm when no experiment runs and MATCHING_ALGORITHM is unset (decision 0010). */
export const DEFAULT_ALGORITHM = 'blend-v2';

export interface AlgorithmAssignment {
  algorithm: string;
  /** The experiment that chose it, when one runs. */
  experimentName: string | null;
}

/**
 * The caller's policy for one run of scoring (a running experiment, the configured default),
 * passed in so matching depends on no experiment code: it answers a function of the seeker.
 */
export type AlgorithmChooser = (db: Queryable) => Promise<(seekerId: number) => AlgorithmAssignment>;

export const fixedAlgorithm =
  (algorithm: string): AlgorithmChooser =>
  async () =>
  () => ({ algorithm, experimentName: null });

export function algorithmNamed(name: string): MatchAlgorithm {
  const algorithm = ALGORITHMS[name];
  if (!algorithm) throw new Error(`Unknown matching algorithm: ${name}`);
  return algorithm;
}

/** The job's skill rows, inferred or chosen, as a SQL array (for skillsConfidence). */
const jobSkillsInferredColumn = sql`(select coalesce(array_agg(js.inferred), '{}') from job_skills js where js.job_id = jobs.id) as skills_inferred`;

/** What a stored match row keeps of its facts, and the texts its text signals are read from: select `storedFactsColumns` over `matches m join jobs … join job_seekers s …`. */
export const storedFactsColumns = sql`m.semantic_score, m.skill_match_score, m.missing_skills, jobs.location as job_location, jobs.remote_allowed, s.location as seeker_location,
  s.resume_text, s.resume_data, jobs.title as job_title, jobs.description as job_description, jobs.requirements as job_requirements, ${jobSkillsInferredColumn}`;

export interface StoredFactsRow {
  semantic_score: number | null;
  skill_match_score: number | null;
  missing_skills: SkillFit[] | null;
  job_location: string | null;
  remote_allowed: boolean;
  seeker_location: string | null;
  resume_text: string | null;
  resume_data: unknown;
  job_title: string;
  job_description: string;
  job_requirements: unknown;
  skills_inferred: boolean[];
}

/** The text signals and skills confidence of a resume and a job: pure functions of their texts and skill rows. */
export function textFacts(
  resume: ResumeForSignals,
  job: JobForSignals,
  jobSkills: { inferred?: boolean | undefined }[],
): Pick<ScoringFacts, 'lexical' | 'titleMatch' | 'skillsConfidence'> {
  return { ...textSignals(resume, job), skillsConfidence: skillsConfidence(jobSkills) };
}

/** The facts of a stored match, to score it again with any algorithm (no embedding or model call). */
export function factsOfStoredMatch(r: StoredFactsRow): ScoringFacts {
  return {
    semantic: r.semantic_score ?? 0,
    skills: r.skill_match_score,
    location: locationFit({ location: r.job_location, remoteAllowed: r.remote_allowed }, r.seeker_location),
    missing: r.missing_skills ?? [],
    ...textFacts(
      { text: r.resume_text, data: r.resume_data },
      { title: r.job_title, description: r.job_description, requirements: r.job_requirements },
      r.skills_inferred.map((inferred) => ({ inferred })),
    ),
  };
}
