/**
 * Career paths: which few skills would open the most additional good matches for a seeker.
 * Candidates are real jobs only: the seeker's current matches and the jobs one seniority step
 * above them (same title, next level). Each job is scored as it is, then with one missing skill
 * added; a skill "opens" a job when that lifts it from under the threshold to over it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { rowsOf } from '../sql-helpers.ts';
import { ALGORITHMS, algorithmNamed, DEFAULT_ALGORITHM, textFacts } from './algorithms.ts';
import { jobSkillFacts, seekerSkillFacts } from './generate.ts';
import { locationFit, semanticScore, skillMatch, type SeekerSkillFact } from './scoring.ts';

/** What counts as a good match by default (the local embedder's scores run lower than OpenAI's). */
export const GOOD_MATCH = 0.6;
const SUGGESTIONS = 3;
const JOBS_PER_SUGGESTION = 5;

/** Seniority words by level; a title without one is level 2. */
const LEVELS: [RegExp, number][] = [
  [/\b(intern|internship|trainee|apprentice)\b/g, 0],
  [/\b(junior|jr|entry[- ]level|graduate)\b/g, 1],
  [/\b(senior|sr)\b/g, 3],
  [/\b(lead|staff|principal)\b/g, 4],
  [/\b(head of|director of|director)\b/g, 5],
];

/** The title without its seniority words, and its level. */
export function seniorityOf(title: string): { stem: string; level: number } {
  let stem = title.toLowerCase();
  const found: number[] = [];
  for (const [pattern, value] of LEVELS) {
    if (!stem.match(pattern)) continue;
    found.push(value);
    stem = stem.replace(pattern, ' ');
  }
  return { stem: stem.replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim(), level: found.length ? Math.max(...found) : 2 };
}

/** A LIKE pattern for titles holding the stem's words in order, whatever the punctuation between. */
const titlePattern = (stem: string) => `%${stem.split(' ').join('%')}%`;

interface CandidateJob {
  id: number;
  title: string;
  company_name: string;
  location: string | null;
  remote_allowed: boolean;
  experience_years: number | null;
  description_similarity: number | null;
  requirements_similarity: number | null;
  seeker_location: string | null;
  matched: boolean;
  /** The algorithm of the seeker's match with this job, when there is one. */
  algorithm_version: string | null;
  resume_text: string | null;
  resume_data: unknown;
  description: string;
  requirements: unknown;
}

/**
 * The algorithm the seeker's matches are scored with now (the one most of them carry: the sweep
 * moves them all to the current assignment), for the jobs one step up that are not matched yet.
 */
function currentAlgorithm(jobs: { algorithm_version: string | null }[]): string | null {
  const counts = new Map<string, number>();
  for (const { algorithm_version: a } of jobs) if (a && ALGORITHMS[a]) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export async function careerPaths(db: Database, seekerId: number, now: Date, threshold = GOOD_MATCH) {
  const matched = rowsOf<{ title: string }>(
    await db.execute(sql`
      select jobs.title from matches m join jobs on jobs.id = m.job_id
      where m.job_seeker_id = ${seekerId} and m.dismissed_at is null and ${visibleToSeekers(now)}`),
  );
  const steps = new Map<string, number>();
  for (const { title } of matched) {
    const { stem, level } = seniorityOf(title);
    if (stem && level < 5) steps.set(stem, Math.max(steps.get(stem) ?? 0, level + 1));
  }
  const stems = [...steps.keys()];
  const candidates = rowsOf<CandidateJob>(
    await db.execute(sql`
      with seeker as (select location, resume_embedding as v from job_seekers where id = ${seekerId} and resume_embedding is not null)
      select jobs.id, jobs.title, e.company_name, jobs.location, jobs.remote_allowed, (jobs.requirements->>'experienceYears')::int as experience_years,
             1 - (jobs.description_embedding <=> (select v from seeker)) as description_similarity,
             1 - (jobs.requirements_embedding <=> (select v from seeker)) as requirements_similarity,
             (select location from seeker) as seeker_location,
             m.job_id is not null as matched, m.algorithm_version,
             s.resume_text, s.resume_data, jobs.description, jobs.requirements
      from jobs join employers e on e.id = jobs.employer_id join job_seekers s on s.id = ${seekerId}
      left join matches m on m.job_seeker_id = ${seekerId} and m.job_id = jobs.id
      where exists (select 1 from seeker) and ${visibleToSeekers(now)} and jobs.description_embedding is not null and m.dismissed_at is null
        and (m.job_id is not null
             ${
               stems.length
                 ? sql`or lower(jobs.title) like any (array[${sql.join(
                     stems.map((s) => sql`${titlePattern(s)}`),
                     sql`, `,
                   )}])`
                 : sql``
             })
      limit 500`),
  ).filter((job) => {
    if (job.matched) return true;
    const { stem, level } = seniorityOf(job.title);
    return steps.get(stem) === level; // exactly one step above a job they match
  });
  if (candidates.length === 0) return { threshold, goodMatchesNow: 0, suggestions: [] };

  const jobFacts = await jobSkillFacts(
    db,
    candidates.map((c) => c.id),
  );
  const mine = (await seekerSkillFacts(db, [seekerId])).get(seekerId) ?? [];
  const have = new Set(mine.map((s) => s.skillId));
  const current = algorithmNamed(currentAlgorithm(candidates) ?? DEFAULT_ALGORITHM);

  let goodMatchesNow = 0;
  const opened = new Map<
    number,
    {
      name: string;
      jobs: { id: number; title: string; companyName: string; scoreNow: number; scoreWith: number; stepUp: boolean }[];
    }
  >();
  for (const job of candidates) {
    // A matched job is scored as the seeker sees it (its match's algorithm); a step up as it would be now.
    const algorithm = ALGORITHMS[job.algorithm_version ?? ''] ?? current;
    const semantic = semanticScore(job.description_similarity, job.requirements_similarity);
    const location = locationFit({ location: job.location, remoteAllowed: job.remote_allowed }, job.seeker_location);
    const skills = jobFacts.get(job.id) ?? [];
    const text = textFacts({ text: job.resume_text, data: job.resume_data }, job, skills);
    const scoreWith = (seekerSkills: SeekerSkillFact[]) => {
      const fit = skillMatch(skills, seekerSkills, job.experience_years);
      return algorithm.score({ semantic, skills: fit.score, location, missing: fit.missing, ...text });
    };
    const now = scoreWith(mine);
    if (now >= threshold) {
      goodMatchesNow++;
      continue;
    }
    for (const skill of skills) {
      if (have.has(skill.skillId)) continue;
      const withSkill = scoreWith([...mine, { skillId: skill.skillId, proficiencyLevel: null, yearsExperience: null }]);
      if (withSkill < threshold) continue;
      const entry = opened.get(skill.skillId) ?? { name: skill.name, jobs: [] };
      entry.jobs.push({
        id: job.id,
        title: job.title,
        companyName: job.company_name,
        scoreNow: now,
        scoreWith: withSkill,
        stepUp: !job.matched,
      });
      opened.set(skill.skillId, entry);
    }
  }
  const suggestions = [...opened.entries()]
    .map(([skillId, e]) => ({
      skill: { id: skillId, name: e.name },
      additionalMatches: e.jobs.length,
      jobs: e.jobs.sort((a, b) => b.scoreWith - a.scoreWith || a.id - b.id).slice(0, JOBS_PER_SUGGESTION),
    }))
    .sort((a, b) => b.additionalMatches - a.additionalMatches || a.skill.name.localeCompare(b.skill.name))
    .slice(0, SUGGESTIONS);
  return { threshold, goodMatchesNow, suggestions };
}
