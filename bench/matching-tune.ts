/**
 * The facts behind every match of the matching benchmark, as built through the product, with
 * blend-v2's text signals beside them: `npx tsx bench/matching-tune.ts out.json`. Used to weigh
 * the signals of blend-v2 (each alone, then together) without rebuilding the database each time.
 */
import { writeFileSync } from 'node:fs';
import { locationFit } from '../server/matching/scoring.ts';
import { skillsConfidence, textSignals } from '../server/matching/text-signals.ts';
import { buildThroughProduct, loadBenchmark } from './matching-quality.ts';

const bench = loadBenchmark();
if (!bench) process.exit(0);
const built = await buildThroughProduct(bench);
const adOfJob = new Map([...built.jobIdOf].map(([ad, job]) => [job, ad]));
const resumeOfSeeker = new Map([...built.seekerIdOf].map(([r, s]) => [s, r]));
const { rows } = await built.client.query<{
  seeker: number;
  job: number;
  semantic: number;
  skills: number | null;
  resume_text: string;
  resume_data: unknown;
  title: string;
  description: string;
  requirements: unknown;
  job_location: string | null;
  remote_allowed: boolean;
  seeker_location: string | null;
  inferred: boolean[] | null;
}>(`select m.job_seeker_id as seeker, m.job_id as job, m.semantic_score as semantic, m.skill_match_score as skills, s.resume_text, s.resume_data,
          j.title, j.description, j.requirements, j.location as job_location, j.remote_allowed, s.location as seeker_location,
          (select array_agg(js.inferred) from job_skills js where js.job_id = j.id) as inferred
   from matches m join jobs j on j.id = m.job_id join job_seekers s on s.id = m.job_seeker_id`);
const features = rows.map((r) => ({
  resume: resumeOfSeeker.get(r.seeker)!,
  ad: adOfJob.get(r.job)!,
  semantic: r.semantic,
  skills: r.skills,
  location: locationFit({ location: r.job_location, remoteAllowed: r.remote_allowed }, r.seeker_location),
  confidence: skillsConfidence((r.inferred ?? []).map((inferred) => ({ inferred }))),
  ...textSignals({ text: r.resume_text, data: r.resume_data }, r),
  grade: bench.grades.grade(resumeOfSeeker.get(r.seeker)!, adOfJob.get(r.job)!),
}));
writeFileSync(process.argv[2] ?? 'matching-features.json', JSON.stringify(features));
console.log(`${features.length} match facts`);
await built.close();
