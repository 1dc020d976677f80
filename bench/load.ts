/**
 * Builds (or loads from bench/.cache) a PGlite database with N jobs and N seekers: bulk-loaded
 * first, HNSW indexes built after, as one does with real data.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { openPglite } from '../db/client.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { loadSkillsCatalog } from '../server/seed/seed.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { normalizeSkillName } from '../server/skills/normalize.ts';
import { generateJobs, generateResumes } from './dataset.ts';
import { JOB_COLUMNS, jobRow, jobSkillRows, SEEKER_COLUMNS, seekerRow } from './scale-database.ts';

// 2: the ads of real length and no requirements index (decision 0022).
const DATA_VERSION = 2;
const CACHE = new URL('./.cache/', import.meta.url);
const HNSW = [
  ['jobs_description_embedding_hnsw', 'jobs', 'description_embedding'],
  ['job_seekers_resume_embedding_hnsw', 'job_seekers', 'resume_embedding'],
] as const;

async function insertRows(
  client: Awaited<ReturnType<typeof openPglite>>['client'],
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  batch = 200,
) {
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const params: unknown[] = [];
    const values = chunk.map(
      (row) =>
        `(${row
          .map((value) => {
            params.push(value);
            return `$${params.length}`;
          })
          .join(', ')})`,
    );
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, params);
  }
}

export async function buildDatabase(size: number, log: (line: string) => void) {
  const started = performance.now();
  const opened = await openPglite();
  const { client, db } = opened;
  const ids = await db.transaction((tx) => loadSkillsCatalog(tx));
  const lexicon = buildLexicon(SKILLS_CATALOG);
  for (const [name] of HNSW) await client.exec(`drop index if exists ${name}`);

  // Employers: one per field, so jobs belong to someone.
  const jobs = generateJobs(size);
  const fields = [...new Set(jobs.map((j) => j.field))];
  await insertRows(
    client,
    'users',
    ['email', 'password_hash', 'user_type'],
    fields.map((_f, i) => [`employer${i}@bench.example`, 'x', 'employer']),
  );
  await client.exec(
    `insert into employers (id, company_name) select id, 'Bench ' || id from users where user_type = 'employer'`,
  );
  const employerIds = (
    await client.query<{ id: number }>(`select id from users where user_type = 'employer' order by id`)
  ).rows.map((r) => r.id);

  let t = performance.now();
  const now = new Date().toISOString();
  const jobRows = jobs.map((job, i) =>
    jobRow(
      job,
      employerIds[fields.indexOf(job.field)]!,
      new Date(Date.now() - (i % 60) * 86_400_000).toISOString(),
      now,
      lexicon,
    ),
  );
  log(`  embedded ${size} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await insertRows(client, 'jobs', JOB_COLUMNS, jobRows);
  await insertRows(client, 'job_skills', ['job_id', 'skill_id', 'required', 'priority'], jobSkillRows(jobs, ids), 1000);
  log(`  inserted ${size} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const resumes = generateResumes(size);
  await insertRows(
    client,
    'users',
    ['email', 'password_hash', 'user_type'],
    resumes.map((_, i) => [`seeker${i}@bench.example`, 'x', 'job_seeker']),
    1000,
  );
  const seekerIds = (
    await client.query<{ id: number }>(`select id from users where user_type = 'job_seeker' order by id`)
  ).rows.map((r) => r.id);
  await insertRows(
    client,
    'job_seekers',
    SEEKER_COLUMNS,
    resumes.map((r, i) => seekerRow(seekerIds[i]!, i, r, now, lexicon)),
  );
  const seekerSkills = resumes.flatMap((r, i) =>
    [
      ...new Set(
        jobs
          .filter((j) => j.field === r.field)
          .slice(0, 3)
          .flatMap((j) => j.skills.map((s) => ids.get(normalizeSkillName(s.name)))),
      ),
    ]
      .filter(Boolean)
      .map((skillId) => [seekerIds[i], skillId, 'intermediate', 3]),
  );
  await insertRows(
    client,
    'job_seeker_skills',
    ['job_seeker_id', 'skill_id', 'proficiency_level', 'years_experience'],
    seekerSkills,
    1000,
  );
  log(`  embedded and inserted ${size} seekers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  await client.exec(`set maintenance_work_mem = '1GB'`);
  for (const [name, table, column] of HNSW) {
    t = performance.now();
    await client.exec(`create index ${name} on ${table} using hnsw (${column} vector_cosine_ops)`);
    log(`  built ${name} over ${size} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await client.exec('analyze');
  log(`  database of ${size} built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return opened;
}

/** The database of `size` jobs and seekers, from the cache when it was built before. */
export async function benchDatabase(size: number, log: (line: string) => void) {
  const path = new URL(`jobs-${size}-v${DATA_VERSION}.tar.gz`, CACHE);
  if (existsSync(path)) {
    const started = performance.now();
    const opened = await openPglite({ loadDataDir: new Blob([await readFile(path)]) });
    log(`  loaded the cached database of ${size} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return opened;
  }
  const opened = await buildDatabase(size, log);
  await mkdir(CACHE, { recursive: true });
  await writeFile(path, Buffer.from(await (await opened.client.dumpDataDir('gzip')).arrayBuffer()));
  return opened;
}
