/**
 * Migration 0007 on a database that already holds matches: every row survives the move to the
 * partitioned table with its id, and new rows continue the ids. Migration 0008 over skills that
 * seekers created: they move to the review queue as their owners' custom skills. And the whole chain over the
 * wire protocol, as it runs on Neon.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openPostgres } from '../db/client.ts';
import { rowsOf } from '../server/sql-helpers.ts';
import { freePort } from './helpers/neon-local.ts';

it('partitions matches without losing a row (migration 0007 over data)', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  try {
    // The migrations as they were before 0007.
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journal = JSON.parse(await readFile(join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const before = { ...journal, entries: journal.entries.filter((e) => e.tag < '0007') };
    await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify(before));

    const client = await PGlite.create({ extensions: { vector, pg_trgm } });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: folder });
    await client.exec(`
      insert into users (email, password_hash, user_type) values ('a@example.com', 'x', 'job_seeker'), ('b@example.com', 'x', 'job_seeker'), ('e@example.com', 'x', 'employer');
      insert into job_seekers (id, first_name, last_name) values (1, 'A', 'A'), (2, 'B', 'B');
      insert into employers (id, company_name) values (3, 'E');
      insert into jobs (employer_id, title, description) values (3, 'One', 'x'), (3, 'Two', 'x');
      insert into matches (job_seeker_id, job_id, overall_score, algorithm_version, viewed_at) values (1, 1, 0.9, 'blend-v1', now()), (1, 2, 0.4, 'blend-v1', null), (2, 1, 0.7, 'blend-v1', null);`);
    const rows = (
      await client.query(
        `select id, job_seeker_id, job_id, overall_score, viewed_at is not null as viewed from matches order by id`,
      )
    ).rows;
    expect(
      await client.query(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`),
    ).toMatchObject({ rows: [{ n: 0 }] });

    await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    await migrate(db, { migrationsFolder: folder });
    expect(
      await client.query(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`),
    ).toMatchObject({ rows: [{ n: 16 }] });
    expect(
      (
        await client.query(
          `select id, job_seeker_id, job_id, overall_score, viewed_at is not null as viewed from matches order by id`,
        )
      ).rows,
    ).toEqual(rows);
    const next = await client.query<{ id: number }>(
      `insert into matches (job_seeker_id, job_id, overall_score, algorithm_version) values (2, 2, 0.5, 'blend-v1') returning id`,
    );
    expect(next.rows[0]!.id).toBe(4);
    await client.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}, 120_000);

it('moves skills created by non-admins into the review queue and keeps every seeker’s skill (migration 0008 over data)', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  try {
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journal = JSON.parse(await readFile(join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    await writeFile(
      join(folder, 'meta/_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0008') }),
    );
    const client = await PGlite.create({ extensions: { vector, pg_trgm } });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: folder });
    await client.exec(`
      insert into users (email, password_hash, user_type) values ('a@example.com', 'x', 'job_seeker'), ('b@example.com', 'x', 'job_seeker'), ('e@example.com', 'x', 'employer');
      insert into job_seekers (id, first_name, last_name) values (1, 'A', 'A'), (2, 'B', 'B');
      insert into employers (id, company_name) values (3, 'E');
      insert into jobs (employer_id, title, description) values (3, 'Analyst', 'x');
      -- 1: the seed catalog (a category); 2: an admin's (a description); 3: an admin's (an alias);
      -- 4, 5: made by skills.create (nothing but a name).
      insert into skills (id, name, normalized_name, category, description) overriding system value values
        (1, 'Python', 'python', 'technical', null), (2, 'Epic Systems', 'epic systems', null, 'EHR software'),
        (3, 'Looker', 'looker', null, null), (4, 'Alteryx', 'alteryx', null, null), (5, 'Team', 'team', null, null);
      select setval(pg_get_serial_sequence('skills', 'id'), 5);
      insert into skill_aliases (skill_id, alias, normalized_alias) values (3, 'Looker Studio', 'looker studio');
      insert into job_seeker_skills (job_seeker_id, skill_id, proficiency_level, years_experience, source, evidence) values
        (1, 1, 'expert', 5, 'manual', null), (1, 4, 'beginner', 1, 'manual', null), (1, 5, null, null, 'resume', 'Team lead'),
        (2, 1, null, null, 'resume', 'Python scripts'), (2, 5, null, null, 'manual', null), (2, 2, null, null, 'manual', null);
      insert into job_skills (job_id, skill_id, required, priority, inferred) values (1, 4, true, 1, false), (1, 5, true, 2, true), (1, 3, false, 3, false);`);

    await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    await migrate(db, { migrationsFolder: folder });

    expect((await client.query(`select id, name from skills order by id`)).rows).toEqual([
      { id: 1, name: 'Python' },
      { id: 2, name: 'Epic Systems' },
      { id: 3, name: 'Looker' },
    ]);
    const seekerRows =
      await client.query(`select job_seeker_id as seeker, skill_id, custom_name, custom_normalized_name as key, proficiency_level as level, years_experience as years, source
      from job_seeker_skills order by job_seeker_id, coalesce(skill_id::text, custom_name)`);
    expect(seekerRows.rows).toEqual([
      { seeker: 1, skill_id: 1, custom_name: null, key: null, level: 'expert', years: 5, source: 'typed' },
      {
        seeker: 1,
        skill_id: null,
        custom_name: 'Alteryx',
        key: 'alteryx',
        level: 'beginner',
        years: 1,
        source: 'typed',
      },
      { seeker: 2, skill_id: 1, custom_name: null, key: null, level: null, years: null, source: 'resume' },
      { seeker: 2, skill_id: 2, custom_name: null, key: null, level: null, years: null, source: 'typed' },
      { seeker: 2, skill_id: null, custom_name: 'Team', key: 'team', level: null, years: null, source: 'typed' },
    ]);
    // The employer's choice stays the job's own; a link inferred only because the catalog held the name goes.
    expect((await client.query(`select skill_id, custom_name, required from job_skills order by id`)).rows).toEqual([
      { skill_id: null, custom_name: 'Alteryx', required: true },
      { skill_id: 3, custom_name: null, required: false },
    ]);
    // Now one row shape: a catalog skill or a custom name, never both, never neither.
    await expect(
      client.query(
        `insert into job_seeker_skills (job_seeker_id, skill_id, custom_name, custom_normalized_name) values (1, 3, 'Looker', 'looker')`,
      ),
    ).rejects.toThrow(/catalog_or_custom/);
    await expect(client.query(`insert into job_seeker_skills (job_seeker_id) values (1)`)).rejects.toThrow(
      /catalog_or_custom/,
    );
    await expect(
      client.query(
        `insert into job_seeker_skills (job_seeker_id, custom_name, custom_normalized_name) values (1, 'ALTERYX', 'alteryx')`,
      ),
    ).rejects.toThrow(/unique/);
    await expect(
      client.query(`insert into job_seeker_skills (job_seeker_id, skill_id, source) values (1, 3, 'manual')`),
    ).rejects.toThrow(/source_check/);

    // One version back (db/migrations/down): custom names are catalog skills again, nobody loses one.
    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0008_custom_skills_and_origin.sql'), 'utf8'));
    expect(
      (
        await client.query(
          `select k.job_seeker_id as seeker, s.name, k.source from job_seeker_skills k join skills s on s.id = k.skill_id order by 1, 2`,
        )
      ).rows,
    ).toEqual([
      { seeker: 1, name: 'Alteryx', source: 'manual' },
      { seeker: 1, name: 'Python', source: 'manual' },
      { seeker: 2, name: 'Epic Systems', source: 'manual' },
      { seeker: 2, name: 'Python', source: 'resume' },
      { seeker: 2, name: 'Team', source: 'manual' },
    ]);
    expect(
      (await client.query(`select s.name from job_skills k join skills s on s.id = k.skill_id order by 1`)).rows,
    ).toEqual([{ name: 'Alteryx' }, { name: 'Looker' }]);
    await client.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  // Two runs of the migrations on a fresh PGlite: seconds alone, longer on a busy machine.
}, 120_000);

it('runs every migration through the Postgres wire protocol (node-postgres, as `npm run db:migrate` does on Neon)', async () => {
  const server = await PGlite.create({ extensions: { vector, pg_trgm } });
  const port = await freePort();
  const socket = new PGLiteSocketServer({ db: server, port, host: '127.0.0.1', idleTimeout: 1000, maxConnections: 10 });
  await socket.start();
  try {
    const opened = await openPostgres(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
    try {
      const partitions = rowsOf(
        await opened.db.execute(sql`
        select p.relname as parent, count(*)::int as n from pg_inherits i join pg_class p on p.oid = i.inhparent where p.relkind = 'p' group by 1 order by 1`),
      );
      // ai_decisions has no month yet: its partitions are made before the first write of a month.
      expect(partitions).toEqual([{ parent: 'matches', n: 16 }]);
      const version = rowsOf(
        await opened.db.execute(sql`select extversion from pg_extension where extname = 'vector'`),
      );
      // Iterative index scans (search with selective filters) need pgvector 0.8 or later.
      expect(version).toEqual([{ extversion: expect.stringMatching(/^(0\.(8|9|\d{2,})|[1-9]\d*)\.\d+/) }]);
    } finally {
      await opened.close();
    }
  } finally {
    await socket.stop();
    await server.close();
  }
});
