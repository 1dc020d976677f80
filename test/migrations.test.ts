/**
 * Migration 0007 on a database that already holds matches: every row survives the move to the
 * partitioned table with its id, and new rows continue the ids. And the whole chain over the
 * wire protocol, as it runs on Neon.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
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
    const journal = JSON.parse(await readFile(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const before = { ...journal, entries: journal.entries.filter((e) => e.tag < '0007') };
    await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify(before));

    const client = await PGlite.create({ extensions: { vector } });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: folder });
    await client.exec(`
      insert into users (email, password_hash, user_type) values ('a@example.com', 'x', 'job_seeker'), ('b@example.com', 'x', 'job_seeker'), ('e@example.com', 'x', 'employer');
      insert into job_seekers (id, first_name, last_name) values (1, 'A', 'A'), (2, 'B', 'B');
      insert into employers (id, company_name) values (3, 'E');
      insert into jobs (employer_id, title, description) values (3, 'One', 'x'), (3, 'Two', 'x');
      insert into matches (job_seeker_id, job_id, overall_score, algorithm_version, viewed_at) values (1, 1, 0.9, 'blend-v1', now()), (1, 2, 0.4, 'blend-v1', null), (2, 1, 0.7, 'blend-v1', null);`);
    const rows = (await client.query(`select id, job_seeker_id, job_id, overall_score, viewed_at is not null as viewed from matches order by id`)).rows;
    expect(await client.query(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`)).toMatchObject({ rows: [{ n: 0 }] });

    await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    await migrate(db, { migrationsFolder: folder });
    expect(await client.query(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`)).toMatchObject({ rows: [{ n: 16 }] });
    expect((await client.query(`select id, job_seeker_id, job_id, overall_score, viewed_at is not null as viewed from matches order by id`)).rows).toEqual(rows);
    const next = await client.query<{ id: number }>(`insert into matches (job_seeker_id, job_id, overall_score, algorithm_version) values (2, 2, 0.5, 'blend-v1') returning id`);
    expect(next.rows[0]!.id).toBe(4);
    await client.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

it('runs every migration through the Postgres wire protocol (node-postgres, as `npm run db:migrate` does on Neon)', async () => {
  const server = await PGlite.create({ extensions: { vector } });
  const port = await freePort();
  const socket = new PGLiteSocketServer({ db: server, port, host: '127.0.0.1', idleTimeout: 1000, maxConnections: 10 });
  await socket.start();
  try {
    const opened = await openPostgres(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
    try {
      const partitions = rowsOf(await opened.db.execute(sql`
        select p.relname as parent, count(*)::int as n from pg_inherits i join pg_class p on p.oid = i.inhparent where p.relkind = 'p' group by 1 order by 1`));
      // ai_decisions has no month yet: its partitions are made before the first write of a month.
      expect(partitions).toEqual([{ parent: 'matches', n: 16 }]);
      const version = rowsOf(await opened.db.execute(sql`select extversion from pg_extension where extname = 'vector'`));
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
