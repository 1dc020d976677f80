/** A database as it stood before one migration, to test that migration over the rows it finds. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../../db/client.ts';

export interface DatabaseBeforeMigration {
  client: PGlite;
  /** Applies the migration, and none after it: the one version it rolls back (later ones are theirs to test). */
  applyMigration(): Promise<void>;
}

/**
 * Runs `body` on a fresh PGlite database migrated up to the migration `tag` (e.g.
 * '0010_application_records'), not including it: what `body` inserts first are the rows that
 * migration finds. Works on a copy of the migrations folder whose journal it shortens.
 */
export async function withDatabaseBefore(
  tag: string,
  body: (database: DatabaseBeforeMigration) => Promise<void>,
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  const client = await PGlite.create({ extensions: { vector, pg_trgm } });
  try {
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const migrateWhile = async (keep: (entryTag: string) => boolean) => {
      await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => keep(e.tag)) }));
      await migrate(drizzle(client), { migrationsFolder: folder });
    };
    await migrateWhile((entryTag) => entryTag < tag);
    await body({ client, applyMigration: () => migrateWhile((entryTag) => entryTag <= tag) });
  } finally {
    await client.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Rolls a fully migrated database back to just before `tag`, as a deploy rolls back: the down
 * files of every later migration first, newest first, then the migration's own, each forgotten by
 * the migrator (drizzle applies only migrations newer than the newest it recorded).
 */
export async function rollBackThrough(client: PGlite, tag: string): Promise<void> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  for (const entry of journal.entries.filter((e) => e.tag >= tag).reverse()) {
    await client.exec(await readFile(join(MIGRATIONS_FOLDER, `down/${entry.tag}.sql`), 'utf8'));
    await client.query('delete from drizzle.__drizzle_migrations where created_at = $1', [entry.when]);
  }
}
