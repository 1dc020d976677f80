/**
 * Match scores, each in [0, 1]. Pure functions of the facts, so the reasoning can be checked
 * against them; algorithms.ts names the ways of combining them.
 */

export interface JobSkillFact {
  skillId: number;
  name: string;
  required: boolean;
  /** 1 must have, 2 important, 3 nice to have; null counts as 2. */
  priority: number | null;
  /** Read from the ad rather than chosen by the employer (absent: chosen). */
  inferred?: boolean;
}

export interface SeekerSkillFact {
  skillId: number;
  proficiencyLevel: string | null;
  yearsExperience: number | null;
}

export interface SkillFit {
  name: string;
  required: boolean;
  priority: number;
}

/** Priority weights: a must-have counts three times a nice-to-have. Not required: half. */
const PRIORITY_WEIGHT: Record<number, number> = { 1: 3, 2: 2, 3: 1 };
const OPTIONAL_FACTOR = 0.5;
/** Credit for having a skill, by stated level; a skill read from a resume has no level. */
const LEVEL_CREDIT: Record<string, number> = { expert: 1, intermediate: 0.9, beginner: 0.7 };
const UNKNOWN_LEVEL_CREDIT = 0.85;

function skillWeight(skill: Pick<JobSkillFact, 'required' | 'priority'>): number {
  return (PRIORITY_WEIGHT[skill.priority ?? 2] ?? 2) * (skill.required ? 1 : OPTIONAL_FACTOR);
}

/**
 * skillMatchScore = sum over the job's skills of weight x credit / sum of weights, where credit
 * is 0 for a missing skill, else the level credit, scaled by years against the years the job
 * asks (0.7 + 0.3 x min(1, years / asked)) when both are known. null when the job lists no skills.
 */
export function skillMatch(
  jobSkills: JobSkillFact[],
  seekerSkills: SeekerSkillFact[],
  experienceYearsAsked: number | null,
) {
  const bySkill = new Map(seekerSkills.map((s) => [s.skillId, s]));
  let total = 0;
  let earned = 0;
  const matched: SkillFit[] = [];
  const missing: SkillFit[] = [];
  for (const skill of jobSkills) {
    const weight = skillWeight(skill);
    total += weight;
    const fit = { name: skill.name, required: skill.required, priority: skill.priority ?? 2 };
    const has = bySkill.get(skill.skillId);
    if (!has) {
      missing.push(fit);
      continue;
    }
    matched.push(fit);
    let credit = has.proficiencyLevel
      ? (LEVEL_CREDIT[has.proficiencyLevel] ?? UNKNOWN_LEVEL_CREDIT)
      : UNKNOWN_LEVEL_CREDIT;
    if (experienceYearsAsked && has.yearsExperience !== null)
      credit *= 0.7 + 0.3 * Math.min(1, has.yearsExperience / experienceYearsAsked);
    earned += weight * credit;
  }
  const order = (a: SkillFit, b: SkillFit) =>
    Number(b.required) - Number(a.required) || a.priority - b.priority || a.name.localeCompare(b.name);
  return { score: total === 0 ? null : earned / total, matched: matched.sort(order), missing: missing.sort(order) };
}

/** semanticScore = 0.7 x cos(resume, description) + 0.3 x cos(resume, requirements), floored at 0. */
export function semanticScore(descriptionSimilarity: number | null, requirementsSimilarity: number | null): number {
  const description = Math.max(0, descriptionSimilarity ?? 0);
  if (requirementsSimilarity === null) return Math.min(1, description);
  return Math.min(1, 0.7 * description + 0.3 * Math.max(0, requirementsSimilarity));
}

/** 1 for a remote job or the seeker's own city, 0.5 when either place is unknown, else 0. */
export function locationFit(
  job: { location: string | null; remoteAllowed: boolean },
  seekerLocation: string | null,
): number {
  if (job.remoteAllowed) return 1;
  if (!job.location || !seekerLocation) return 0.5;
  const city = (place: string) => place.split(',')[0]!.trim().toLowerCase();
  return city(job.location) === city(seekerLocation) ? 1 : 0;
}

/**
 * overallScore = 0.45 x semantic + 0.45 x skills + 0.10 x location; a job without skills
 * gives their weight to the semantic score (0.9 x semantic + 0.1 x location).
 */
export function overallScore(semantic: number, skills: number | null, location: number): number {
  const value = skills === null ? 0.9 * semantic + 0.1 * location : 0.45 * semantic + 0.45 * skills + 0.1 * location;
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}
