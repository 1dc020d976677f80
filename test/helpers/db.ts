import { readFile } from 'node:fs/promises';
import { afterAll, inject } from 'vitest';
import { openPglite } from '../../db/client.ts';
import { loadSkillsCatalog } from '../../server/seed/seed.ts';
import { forgetLexicon } from '../../server/skills/catalog.ts';

type OpenedTestDatabase = Awaited<ReturnType<typeof openPglite>>;
let template: Blob | undefined;

/** A fresh, migrated PGlite database holding the skills catalog, private to the caller (about 1 s). */
export async function createTestDatabase(): Promise<OpenedTestDatabase> {
  template ??= new Blob([await readFile(inject('templateDatabasePath'))]);
  return openPglite({ loadDataDir: template });
}

let shared: Promise<OpenedTestDatabase> | undefined;

/**
 * The test file's database, emptied and given a fresh skills catalog (a few ms): every test
 * starts from the same state without paying for a new database.
 */
export async function resetSharedTestDatabase(): Promise<OpenedTestDatabase> {
  if (!shared) {
    shared = createTestDatabase();
    afterAll(async () => (await shared)?.close());
  }
  const database = await shared;
  const tables = await database.client.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public'`,
  );
  await database.client.exec(
    `truncate ${tables.rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`,
  );
  await database.db.transaction((tx) => loadSkillsCatalog(tx).then(() => undefined));
  forgetLexicon();
  return database;
}
