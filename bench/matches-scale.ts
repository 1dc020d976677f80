/**
 * matches.forMe and candidatesForJob over 1,000,000 match rows in the partitioned table:
 * 20,000 seekers x 50 matches over 10,000 active jobs of 200 employers (about 100 candidates
 * per job), in PGlite, through the whole app in process.
 */
import { openPglite } from '../db/client.ts';
import { createSession } from '../server/auth/sessions.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { inProcessApi } from './api.ts';
import { fmt, time } from './measure.ts';

const SEEKERS = 20_000;
const JOBS = 10_000;
const EMPLOYERS = 200;
const PER_SEEKER = 50;

export async function matchesAtScale(log: (line: string) => void) {
  const database = await openPglite();
  const { client, db } = database;
  try {
    const started = performance.now();
    await client.exec(`
      insert into users (email, password_hash, user_type)
        select 'employer' || i || '@bench.example', '!', 'employer' from generate_series(1, ${EMPLOYERS}) i;
      insert into employers (id, company_name) select id, 'Company ' || id from users where user_type = 'employer';
      -- Each company a team of one (migration 0015): its owner is who may read its candidates.
      insert into companies (id) select id from employers;
      insert into company_members (company_id, user_id, role) select id, id, 'owner' from employers;
      insert into users (email, password_hash, user_type)
        select 'seeker' || i || '@bench.example', '!', 'job_seeker' from generate_series(1, ${SEEKERS}) i;
      insert into job_seekers (id, first_name, last_name, location, visible_to_employers) select id, 'Seeker', 'N' || id, 'Chicago, IL', true from users where user_type = 'job_seeker';
      insert into jobs (employer_id, title, description, location, status, posted_at)
        select 1 + (i % ${EMPLOYERS}), 'Job ' || i, 'A job', 'Chicago, IL', 'active', now() from generate_series(1, ${JOBS}) i;`);
    // 50 distinct jobs per seeker (199 is coprime with 10,000), scores spread over [0, 1).
    await client.exec(`
      insert into matches (job_seeker_id, job_id, semantic_score, skill_match_score, overall_score, match_reasoning, matched_skills, missing_skills, generated_at, algorithm_version)
        select s.id, 1 + ((s.id * 37 + k * 199) % ${JOBS}), random(), random(), random(),
               'You have 3 of the 5 skills this job asks for, including every required one. Your resume is closely related to the job description.',
               '[{"name":"Python","required":true,"priority":1},{"name":"SQL","required":false,"priority":2}]'::jsonb,
               '[{"name":"Kubernetes","required":false,"priority":3}]'::jsonb,
               now() - (k || ' hours')::interval, 'blend-v1'
        from job_seekers s cross join generate_series(0, ${PER_SEEKER - 1}) k;
      analyze;`);
    const [{ n }] = (await client.query<{ n: number }>(`select count(*)::int as n from matches`)).rows as [
      { n: number },
    ];
    log(
      `\n## Matches at scale: ${n.toLocaleString('en-US')} rows, 16 hash partitions (built in ${Math.round((performance.now() - started) / 1000)} s)`,
    );

    const seekerIds = (
      await client.query<{ id: number }>(`select id from job_seekers order by random() limit 100`)
    ).rows.map((r) => r.id);
    const jobs = (
      await client.query<{ id: number; employer_id: number }>(
        `select id, employer_id from jobs order by random() limit 100`,
      )
    ).rows;
    const cookie = async (userId: number) => `session=${(await createSession(db, userId, new Date())).token}`;
    const seekerCookies = await Promise.all(seekerIds.map(cookie));
    const employerCookies = await Promise.all(jobs.map((j) => cookie(j.employer_id)));
    const api = await inProcessApi(db);
    log('through the API (hono + tRPC + session + SQL, in process), 100 different seekers and jobs:');
    const forMe = await time(200, (i) => api('matches.forMe', { limit: 20 }, seekerCookies[i % seekerCookies.length]));
    log(`  matches.forMe, first page of 20: ${fmt(forMe)}`);
    const pages = (await Promise.all(seekerCookies.map((c) => api('matches.forMe', { limit: 20 }, c)))) as {
      result: { data: { nextCursor: string | null } };
    }[];
    const later = await time(200, (i) =>
      api(
        'matches.forMe',
        { limit: 20, cursor: pages[i % pages.length]!.result.data.nextCursor ?? undefined },
        seekerCookies[i % seekerCookies.length],
      ),
    );
    log(`  matches.forMe, second page (keyset cursor): ${fmt(later)}`);
    const candidates = await time(200, (i) =>
      api(
        'matches.candidatesForJob',
        { jobId: jobs[i % jobs.length]!.id, minScore: 0.25 },
        employerCookies[i % employerCookies.length],
      ),
    );
    log(`  matches.candidatesForJob, min score 0.25 (about 75 of 100 candidates): ${fmt(candidates)}`);
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12 };
    const sweep = await time(5, () => runMaintenance(db, { now: new Date(), config }));
    log(`the scheduled sweep with nothing to do (expiry, retention, partitions, re-scoring check): ${fmt(sweep)}`);
  } finally {
    await database.close();
  }
}
