import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openPglite } from '../../db/client.ts';

let template: Blob | undefined;

/** A fresh, migrated PGlite database holding the skills catalog, private to the caller. */
export async function createTestDatabase() {
  template ??= new Blob([await readFile(inject('templateDatabasePath'))]);
  return openPglite({ loadDataDir: template });
}
