import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/db.ts';

type Opened = Awaited<ReturnType<typeof createTestDatabase>>;
let database: Opened;
const q = (text: string, params: unknown[] = []) => database.client.query<Record<string, unknown>>(text, params);

async function rejects(text: string, params: unknown[] = []): Promise<string> {
  try {
    await q(text, params);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected the database to refuse: ${text}`);
}

/** Vectors with structure (a few clusters), as real embeddings have; random ones tell HNSW nothing. */
function clusteredVector(cluster: number, jitter: number): string {
  const values = Array.from({ length: 1536 }, (_, i) => (i % 8 === cluster ? 1 : 0) + Math.sin(i * 7 + jitter) * 0.05);
  return `[${values.join(',')}]`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await q(
    `insert into users (email, password_hash, user_type) values ('boss@acme.example', 'x', 'employer'), ('sam@example.com', 'x', 'job_seeker')`,
  );
  await q(`insert into employers (id, company_name) values (1, 'Acme')`);
  await q(`insert into job_seekers (id, first_name, last_name) values (2, 'Sam', 'Lee')`);
});
afterAll(() => database.close());

describe('the migrations', () => {
  it('create the vector extension and 1536-dimension vector columns', async () => {
    const ext = await q(`select extversion from pg_extension where extname = 'vector'`);
    expect(ext.rows[0]?.extversion).toMatch(/^0\.8\./);
    const columns = await q(
      `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       where format_type(a.atttypid, a.atttypmod) like 'vector%' and c.relkind = 'r' order by 1, 2`,
    );
    expect(columns.rows).toEqual([
      { table: 'job_seekers', column: 'resume_embedding', type: 'vector(1536)' },
      { table: 'jobs', column: 'description_embedding', type: 'vector(1536)' },
      { table: 'jobs', column: 'requirements_embedding', type: 'vector(1536)' },
    ]);
  });

  it('create every table of the seed and of the design', async () => {
    const tables = await q(`select tablename from pg_tables where schemaname = 'public' order by 1`);
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining([
        'users',
        'job_seekers',
        'employers',
        'skills',
        'job_seeker_skills',
        'job_skills',
        'jobs',
        'applications',
        'matches',
        'sessions',
        'skill_aliases',
        'job_sources',
        'webhook_deliveries',
        'auth_throttles',
      ]),
    );
  });

  it('index every embedding searched by distance with HNSW (cosine), and the search column with GIN', async () => {
    const indexes = await q(`select indexname, indexdef from pg_indexes where schemaname = 'public'`);
    const defs = Object.fromEntries(indexes.rows.map((r) => [r.indexname, String(r.indexdef)]));
    expect(defs.jobs_description_embedding_hnsw).toMatch(/USING hnsw \(description_embedding vector_cosine_ops\)/);
    // No statement orders by a job's requirements embedding: its index went in migration 0020.
    expect(defs.jobs_requirements_embedding_hnsw).toBeUndefined();
    expect(defs.job_seekers_resume_embedding_hnsw).toMatch(/USING hnsw \(resume_embedding vector_cosine_ops\)/);
    expect(defs.jobs_search_gin).toMatch(/USING gin \(search\)/);
    expect(defs.idx_job_status_posted).toMatch(/\(status, posted_at\)/);
    expect(defs.idx_job_location_remote).toMatch(/\(location, remote_allowed\)/);
    expect(defs.idx_application_status_submitted).toMatch(/\(status, submitted_at\)/);
    expect(defs.idx_match_score).toMatch(/\(job_seeker_id, overall_score\)/);
  });

  it('store money as numeric and times as timestamptz', async () => {
    const columns = await q(
      `select column_name, data_type, numeric_precision, numeric_scale from information_schema.columns
       where table_name = 'jobs' and column_name in ('salary_min', 'salary_max', 'posted_at', 'expires_at') order by 1`,
    );
    expect(columns.rows).toEqual([
      {
        column_name: 'expires_at',
        data_type: 'timestamp with time zone',
        numeric_precision: null,
        numeric_scale: null,
      },
      { column_name: 'posted_at', data_type: 'timestamp with time zone', numeric_precision: null, numeric_scale: null },
      { column_name: 'salary_max', data_type: 'numeric', numeric_precision: 10, numeric_scale: 2 },
      { column_name: 'salary_min', data_type: 'numeric', numeric_precision: 10, numeric_scale: 2 },
    ]);
  });
});

describe('the constraints', () => {
  it('refuse a second application of one seeker to one job', async () => {
    const job = await q(`insert into jobs (employer_id, title, description) values (1, 'Nurse', 'Care') returning id`);
    const jobId = job.rows[0]!.id;
    await q(`insert into applications (job_seeker_id, job_id) values (2, $1)`, [jobId]);
    expect(await rejects(`insert into applications (job_seeker_id, job_id) values (2, $1)`, [jobId])).toMatch(
      /unique_application/,
    );
  });

  it('refuse a duplicate skill name, also when it differs only by case or spacing', async () => {
    await q(`insert into skills (name, normalized_name) values ('Cobol', 'cobol')`);
    expect(await rejects(`insert into skills (name, normalized_name) values ('Cobol', 'cobol2')`)).toMatch(
      /skills_name_unique/,
    );
    expect(await rejects(`insert into skills (name, normalized_name) values ('COBOL ', 'cobol')`)).toMatch(
      /skills_normalized_name_unique/,
    );
  });

  it('refuse a second match row for one seeker and job', async () => {
    const job = await q(`insert into jobs (employer_id, title, description) values (1, 'Welder', 'Weld') returning id`);
    const jobId = job.rows[0]!.id;
    await q(`insert into matches (job_seeker_id, job_id, overall_score, algorithm_version) values (2, $1, 0.5, 'v1')`, [
      jobId,
    ]);
    expect(
      await rejects(
        `insert into matches (job_seeker_id, job_id, overall_score, algorithm_version) values (2, $1, 0.7, 'v1')`,
        [jobId],
      ),
      // matches is partitioned: the partition's copy of unique_match (seeker, job) refuses it.
    ).toMatch(/duplicate key value violates unique constraint "matches_p\d{2}_job_seeker_id_job_id_key"/);
    const parent = await q(`select conname from pg_constraint where conrelid = 'matches'::regclass and contype = 'u'`);
    expect(parent.rows).toEqual([{ conname: 'unique_match' }]);
  });

  it('partition matches by seeker, 16 ways, every seeker in exactly one partition', async () => {
    const partitions = await q(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`);
    expect(partitions.rows[0]!.n).toBe(16);
    const job = await q(`insert into jobs (employer_id, title, description) values (1, 'Welder', 'Weld') returning id`);
    const job2 = await q(`insert into jobs (employer_id, title, description) values (1, 'Fitter', 'Fit') returning id`);
    for (const id of [job.rows[0]!.id, job2.rows[0]!.id])
      await q(
        `insert into matches (job_seeker_id, job_id, overall_score, algorithm_version) values (2, $1, 0.5, 'v1')`,
        [id],
      );
    const where = await q(
      `select tableoid::regclass::text as partition, count(*)::int as n from matches where job_seeker_id = 2 group by 1`,
    );
    expect(where.rows).toHaveLength(1);
    const total = await q(`select count(*)::int as n from matches where job_seeker_id = 2`);
    expect(where.rows[0]).toMatchObject({ partition: expect.stringMatching(/^matches_p\d{2}$/), n: total.rows[0]!.n });
    expect(total.rows[0]!.n).toBeGreaterThanOrEqual(2);
    // A seeker's feed reads one partition (pruning), not sixteen.
    const plan = await q(`explain select * from matches where job_seeker_id = 2`);
    const scanned = new Set(
      plan.rows
        .map((r) => String(r['QUERY PLAN']))
        .join('\n')
        .match(/\bmatches_p\d{2}\b(?!_)/g),
    );
    expect(scanned.size).toBe(1);
  });

  it('refuse an email that is not trimmed and lower-cased, and an unknown user type', async () => {
    expect(
      await rejects(
        `insert into users (email, password_hash, user_type) values ('Sam@Example.com', 'x', 'job_seeker')`,
      ),
    ).toMatch(/users_email_normalized_check/);
    expect(
      await rejects(`insert into users (email, password_hash, user_type) values ('x@example.com', 'x', 'root')`),
    ).toMatch(/users_user_type_check/);
  });

  it('refuse a salary range whose minimum is above its maximum, and an unknown job status', async () => {
    expect(
      await rejects(
        `insert into jobs (employer_id, title, description, salary_min, salary_max) values (1, 'A', 'B', 100, 50)`,
      ),
    ).toMatch(/jobs_salary_range_check/);
    expect(
      await rejects(`insert into jobs (employer_id, title, description, status) values (1, 'A', 'B', 'open')`),
    ).toMatch(/jobs_status_check/);
  });

  it('keep one job per board and board id, so a repeated push updates one row', async () => {
    const source = await q(
      `insert into job_sources (employer_id, name, format, signing_secret) values (1, 'Board', 'json-ld', 'whsec_x') returning id`,
    );
    const sourceId = source.rows[0]!.id;
    await q(
      `insert into jobs (employer_id, title, description, source_id, external_id) values (1, 'A', 'B', $1, 'ext-1')`,
      [sourceId],
    );
    expect(
      await rejects(
        `insert into jobs (employer_id, title, description, source_id, external_id) values (1, 'C', 'D', $1, 'ext-1')`,
        [sourceId],
      ),
    ).toMatch(/jobs_source_external_id_unique/);
  });

  it('fill the full-text search column from the title (weight A) and description (weight C; company names are B)', async () => {
    const job = await q(
      `insert into jobs (employer_id, title, description) values (1, 'Pediatric Nurse', 'Caring for children') returning search`,
    );
    expect(job.rows[0]!.search).toBe(`'care':3C 'children':5C 'nurs':2A 'pediatr':1A`);
  });
});

describe('a top-10 cosine query on jobs', () => {
  it('uses the HNSW index', async () => {
    await q(
      `insert into jobs (employer_id, title, description, description_embedding)
             select 1, 'Job ' || g, 'Description', $1::vector from generate_series(1, 50) g`,
      [clusteredVector(1, 0)],
    );
    for (let i = 0; i < 150; i++) {
      await q(
        `insert into jobs (employer_id, title, description, description_embedding) values (1, $1, 'D', $2::vector)`,
        [`Job ${i}`, clusteredVector(i % 8, i)],
      );
    }
    await q('analyze jobs');
    // On a table this small the planner would rightly scan it; forbidding that shows the
    // query's shape is one the HNSW index serves (at scale, see the benchmark).
    await q('set enable_seqscan = off');
    const plan = await q(`explain select id from jobs order by description_embedding <=> $1::vector limit 10`, [
      clusteredVector(3, 0.5),
    ]);
    await q('reset enable_seqscan');
    const text = plan.rows.map((r) => String(r['QUERY PLAN']).replace(/'\[[^\]]*\]'/g, "'[…]'")).join('\n');
    expect(text).toMatch(/Index Scan using jobs_description_embedding_hnsw on jobs/);
  });
});
