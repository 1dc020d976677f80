/**
 * The search and scale benchmark's database (issue 23): N varied jobs (bench/dataset.ts) under
 * N/40 companies, and up to 20,000 seekers, bulk-loaded with the indexes and the vocabulary
 * triggers off, then indexed with the definitions the migrations gave them, as one loads real
 * data. Cached in bench/.cache up to 20,000 jobs (100,000 is built each time: it is the test).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../db/client.ts';
import { LOCAL_EMBEDDING_MODEL } from '../server/ai/local-embedder.ts';
import { jobEmbeddingTexts } from '../server/jobs/embedding.ts';
import { embedWithCatalog } from '../server/matching/local-embedding.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { loadSkillsCatalog } from '../server/seed/seed.ts';
import { buildLexicon, type SkillLexicon } from '../server/skills/lexicon.ts';
import { normalizeSkillName } from '../server/skills/normalize.ts';
import { type BenchJob, generateCompanies, generateJobs, generateResumes, companyCountFor } from './dataset.ts';

const DATA_VERSION = 3;
const CACHE = new URL('./.cache/', import.meta.url);
const LARGEST_CACHED = 20_000;
/** Seekers matter to match generation, not to search: past this many, more would only slow the build. */
export const MAX_SEEKERS = 20_000;
/** Built after the load: every index of these tables but their keys. */
const BULK_TABLES = ['jobs', 'job_seekers', 'job_skills'];
const VOCABULARY_TRIGGERS = [
  ['jobs', 'jobs_search_vocabulary'],
  ['employers', 'employers_search_vocabulary'],
];

/** Zeros as "0": the local embedder's vectors are ~80% zeros, and the text goes through the wire. */
const vectorText = (v: number[]) => `[${v.map((x) => (x === 0 ? '0' : x.toFixed(6))).join(',')}]`;
/** How a row carries its vectors: as text for inserts with parameters, as numbers for the binary COPY. */
type VectorEncoding = (v: number[]) => string | number[];
const asNumbers: VectorEncoding = (v) => v;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const csvField = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The columns and rows of a generated job and a generated seeker, shared with bench/load.ts (the
 * older database halfvec and the search latency still use), so both embed and fill them alike.
 */
export const JOB_COLUMNS = [
  'employer_id',
  'title',
  'description',
  'location',
  'remote_allowed',
  'employment_type',
  'salary_min',
  'salary_max',
  'status',
  'posted_at',
  'updated_at',
  'embedded_at',
  'description_embedding',
  'requirements_embedding',
  'embedding_model',
] as const;

/** An active job, embedded with the local model at `now`. */
export function jobRow(
  job: BenchJob,
  employerId: number,
  postedAt: string,
  now: string,
  lexicon: SkillLexicon,
  encode: VectorEncoding = vectorText,
) {
  const texts = jobEmbeddingTexts({ title: job.title, description: job.description, requirements: null }, job.skills);
  return [
    employerId,
    job.title,
    job.description,
    job.location,
    job.remoteAllowed,
    job.employmentType,
    job.salaryMin,
    job.salaryMax,
    'active',
    postedAt,
    now,
    now,
    encode(embedWithCatalog(texts.description, lexicon)),
    encode(embedWithCatalog(texts.requirements, lexicon)),
    LOCAL_EMBEDDING_MODEL,
  ];
}

export const SEEKER_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'location',
  'resume_text',
  'resume_embedding',
  'resume_embedding_model',
  'resume_updated_at',
  'resume_embedded_at',
] as const;

/** Seeker number `index` ("Bench Seeker 12") with its resume embedded at `now`. */
export function seekerRow(
  id: number,
  index: number,
  resume: { text: string; location: string },
  now: string,
  lexicon: SkillLexicon,
  encode: VectorEncoding = vectorText,
) {
  return [
    id,
    'Bench',
    `Seeker ${index}`,
    resume.location,
    resume.text,
    encode(embedWithCatalog(resume.text, lexicon)),
    LOCAL_EMBEDDING_MODEL,
    now,
    now,
  ];
}

/** CSV COPY through PGlite's /dev/blob device: one statement per batch instead of one insert per 200 rows. */
async function copyCsv(client: PGlite, table: string, columns: readonly string[], rows: unknown[][]) {
  const csv = rows.map((row) => row.map(csvField).join(',')).join('\n');
  await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
    blob: new Blob([`${csv}\n`]),
  });
}

/** COPY's binary format for rows of (int4, vector...): a header, each field length-prefixed, a trailer. */
function binaryVectorRows(rows: { n: number; vectors: number[][] }[]): Blob {
  const parts: Buffer[] = [Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)])];
  for (const { n, vectors } of rows) {
    const fields = 1 + vectors.length;
    const row = Buffer.alloc(2 + 8 + vectors.reduce((sum, v) => sum + 8 + 4 * v.length, 0));
    let at = row.writeInt16BE(fields, 0);
    at = row.writeInt32BE(4, at);
    at = row.writeInt32BE(n, at);
    for (const vector of vectors) {
      at = row.writeInt32BE(4 + 4 * vector.length, at);
      at = row.writeInt16BE(vector.length, at);
      at = row.writeInt16BE(0, at);
      for (const x of vector) at = row.writeFloatBE(x, at);
    }
    parts.push(row);
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return new Blob([Uint8Array.from(Buffer.concat(parts))]);
}

/**
 * Bulk insert. Vectors (the values given as number arrays) travel in COPY's binary format to a
 * staging table and are joined to the rest: PGlite parses a dense 1,536-float vector from text
 * in ~3 ms, nine times its binary form. The local embedder's vectors are 80% zeros, cheaper to
 * parse, so the gain here is smaller (the 5,000-job build 37.3 → 34.3 s, its seekers 5.5 → 3.1 s).
 */
async function insertRows(client: PGlite, table: string, columns: readonly string[], rows: unknown[][]) {
  if (!rows.length) return;
  const isVector = columns.map((_, i) => Array.isArray(rows[0]![i]));
  if (!isVector.includes(true)) return copyCsv(client, table, columns, rows);
  const scalars = columns.filter((_, i) => !isVector[i]);
  const vectors = columns.filter((_, i) => isVector[i]);
  await client.exec(`create temp table staged_scalars as select 0 as n, ${scalars.join(', ')} from ${table} with no data;
    create temp table staged_vectors as select 0 as n, ${vectors.join(', ')} from ${table} with no data`);
  await copyCsv(
    client,
    'staged_scalars',
    ['n', ...scalars],
    rows.map((row, n) => [n, ...row.filter((_, i) => !isVector[i])]),
  );
  await client.query(`copy staged_vectors from '/dev/blob' with (format binary)`, [], {
    blob: binaryVectorRows(rows.map((row, n) => ({ n, vectors: row.filter((_, i) => isVector[i]) as number[][] }))),
  });
  await client.exec(`insert into ${table} (${[...scalars, ...vectors].join(', ')})
      select ${[...scalars.map((c) => `s.${c}`), ...vectors.map((c) => `v.${c}`)].join(', ')}
      from staged_scalars s join staged_vectors v using (n) order by n;
    drop table staged_scalars; drop table staged_vectors`);
}

/** Drops the secondary indexes of the bulk-loaded tables and returns their definitions, to build after. */
async function dropSecondaryIndexes(client: PGlite): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.exec(`drop index ${index.name}`);
  return rows;
}

async function loadCompanies(client: PGlite, count: number): Promise<number[]> {
  const companies = generateCompanies(count);
  await insertRows(
    client,
    'users',
    ['email', 'password_hash', 'user_type'],
    companies.map((_c, i) => [`employer${i}@bench.example`, 'x', 'employer']),
  );
  const ids = (
    await client.query<{ id: number }>(`select id from users where user_type = 'employer' order by id`)
  ).rows.map((r) => r.id);
  await insertRows(
    client,
    'employers',
    ['id', 'company_name'],
    companies.map((c, i) => [ids[i], c.name]),
  );
  await client.exec(`insert into companies (id) select id from employers`);
  return ids;
}

/** Each job's catalog skills as job_skills rows. A tool and a skill can be one catalog entry ("Epic"): the first mention wins. */
export function jobSkillRows(jobs: BenchJob[], skillIds: Map<string, number>): unknown[][] {
  return jobs.flatMap((job, i) => {
    const seen = new Set<number>();
    return job.skills.flatMap((s) => {
      const id = skillIds.get(normalizeSkillName(s.name));
      if (id === undefined || seen.has(id)) return [];
      seen.add(id);
      return [[i + 1, id, s.required, s.priority]];
    });
  });
}

async function loadJobs(
  client: PGlite,
  size: number,
  employerIds: number[],
  skillIds: Map<string, number>,
  log: (line: string) => void,
) {
  const lexicon = buildLexicon(SKILLS_CATALOG);
  const jobs = generateJobs(size);
  const now = new Date().toISOString();
  let embedding = 0;
  let inserting = 0;
  // In slices, so the vectors' text of 100,000 jobs never sits in memory at once.
  for (let start = 0; start < jobs.length; start += 2_000) {
    let t = performance.now();
    const rows = jobs.slice(start, start + 2_000).map((job, k) => {
      const posted = new Date(Date.now() - ((start + k) % 60) * 86_400_000 - ((start + k) % 997) * 60_000);
      return jobRow(job, employerIds[job.company]!, posted.toISOString(), now, lexicon, asNumbers);
    });
    embedding += performance.now() - t;
    t = performance.now();
    await insertRows(client, 'jobs', JOB_COLUMNS, rows);
    inserting += performance.now() - t;
  }
  const skillRows = jobSkillRows(jobs, skillIds);
  const t = performance.now();
  await insertRows(client, 'job_skills', ['job_id', 'skill_id', 'required', 'priority'], skillRows);
  inserting += performance.now() - t;
  log(
    `  embedded ${size} jobs in ${(embedding / 1000).toFixed(1)} s, inserted them in ${(inserting / 1000).toFixed(1)} s`,
  );
}

async function loadSeekers(client: PGlite, count: number, skillIds: Map<string, number>) {
  const lexicon = buildLexicon(SKILLS_CATALOG);
  const resumes = generateResumes(count);
  await insertRows(
    client,
    'users',
    ['email', 'password_hash', 'user_type'],
    resumes.map((_, i) => [`seeker${i}@bench.example`, 'x', 'job_seeker']),
  );
  const seekerIds = (
    await client.query<{ id: number }>(`select id from users where user_type = 'job_seeker' order by id`)
  ).rows.map((r) => r.id);
  const now = new Date().toISOString();
  for (let start = 0; start < resumes.length; start += 2_000) {
    await insertRows(
      client,
      'job_seekers',
      SEEKER_COLUMNS,
      resumes
        .slice(start, start + 2_000)
        .map((r, k) => seekerRow(seekerIds[start + k]!, start + k, r, now, lexicon, asNumbers)),
    );
  }
  const seekerSkills = resumes.flatMap((r, i) => {
    const named = r.text.match(/^Skills: (.*)$/m)?.[1]?.split(', ') ?? [];
    const ids = [
      ...new Set(named.map((name) => skillIds.get(normalizeSkillName(name))).filter((id) => id !== undefined)),
    ];
    return ids.map((skillId) => [seekerIds[i], skillId, 'intermediate', 3]);
  });
  await insertRows(
    client,
    'job_seeker_skills',
    ['job_seeker_id', 'skill_id', 'proficiency_level', 'years_experience'],
    seekerSkills,
  );
}

export async function buildScaleDatabase(size: number, log: (line: string) => void) {
  const started = performance.now();
  const opened = await openPglite();
  const { client, db } = opened;
  const skillIds = await db.transaction((tx) => loadSkillsCatalog(tx));
  const indexes = await dropSecondaryIndexes(client);
  for (const [table, trigger] of VOCABULARY_TRIGGERS)
    await client.exec(`alter table ${table} disable trigger ${trigger}`);

  const employerIds = await loadCompanies(client, companyCountFor(size));
  await loadJobs(client, size, employerIds, skillIds, log);
  let t = performance.now();
  const seekers = Math.min(size, MAX_SEEKERS);
  await loadSeekers(client, seekers, skillIds);
  log(`  embedded and inserted ${seekers} seekers in ${seconds(t)} s`);

  // What the triggers would have kept, counted once (migration 0014's backfill).
  for (const [table, trigger] of VOCABULARY_TRIGGERS)
    await client.exec(`alter table ${table} enable trigger ${trigger}`);
  await client.exec(`
    insert into search_vocabulary (word, uses)
    select w, count(*)::int from (
      select unnest(search_vocabulary_words(title)) as w from jobs
      union all select unnest(search_vocabulary_words(company_name)) from employers
      union all select unnest(search_vocabulary_words(name)) from skills
    ) as words group by w
    on conflict (word) do update set uses = excluded.uses`);

  await client.exec(`set maintenance_work_mem = '1GB'`);
  for (const index of indexes) {
    t = performance.now();
    await client.exec(index.definition);
    if (/hnsw|gin/i.test(index.definition)) log(`  built ${index.name} in ${seconds(t)} s`);
  }
  await client.exec('reset maintenance_work_mem');
  await client.exec('analyze');
  log(`  database of ${size} jobs built in ${seconds(started)} s`);
  return opened;
}

/**
 * The page cache searches are measured with, as the README advises `PGLITE_SHARED_BUFFERS` for a
 * database this size: with PGlite's 128MB a search at 20,000 jobs read about 2.5 ms of pages the
 * search before it had evicted (decision 0019). Cached sizes only: 100,000 jobs are built near
 * PGlite's memory limit, and measured in the process that built them, with PGlite's own 128MB.
 */
const MEASURED_SHARED_BUFFERS = '384MB';

/** The database of `size` jobs, from the cache when it was built before. */
export async function scaleDatabase(size: number, log: (line: string) => void) {
  const path = new URL(`search-${size}-v${DATA_VERSION}.tar.gz`, CACHE);
  const loadCached = async () => {
    const started = performance.now();
    const opened = await openPglite({
      loadDataDir: new Blob([await readFile(path)]),
      sharedBuffers: MEASURED_SHARED_BUFFERS,
    });
    log(`  loaded the cached database of ${size} jobs in ${seconds(started)} s`);
    return opened;
  };
  if (existsSync(path)) return loadCached();
  const opened = await buildScaleDatabase(size, log);
  if (size > LARGEST_CACHED) return opened;
  await mkdir(CACHE, { recursive: true });
  await writeFile(path, Buffer.from(await (await opened.client.dumpDataDir('gzip')).arrayBuffer()));
  await opened.close();
  return loadCached();
}
