/**
 * Migration 0009 over existing accounts: they count as verified, so live employers keep
 * publishing; an account made afterwards starts unverified.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('counts the accounts that existed before 0009 as verified, and later ones not', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  const client = await PGlite.create({ extensions: { vector, pg_trgm } });
  try {
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    await writeFile(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0009') }),
    );
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: folder });
    await client.exec(
      `insert into users (email, password_hash, user_type) values ('live@employer.example', 'x', 'employer'), ('old@seeker.example', 'x', 'job_seeker')`,
    );

    // Up to this migration only: the one version it rolls back (later ones are theirs to test).
    await writeFile(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag <= '0009_email') }),
    );
    await migrate(db, { migrationsFolder: folder });
    await client.exec(
      `insert into users (email, password_hash, user_type) values ('new@employer.example', 'x', 'employer')`,
    );
    const rows = await client.query<{ email: string; verified: boolean }>(
      `select email, email_verified_at is not null as verified from users order by id`,
    );
    expect(rows.rows).toEqual([
      { email: 'live@employer.example', verified: true },
      { email: 'old@seeker.example', verified: true },
      { email: 'new@employer.example', verified: false },
    ]);
    expect((await client.query(`select count(*)::int as n from outbox_messages`)).rows).toEqual([{ n: 0 }]);
  } finally {
    await client.close();
    await rm(folder, { recursive: true, force: true });
  }
}, 120_000);
