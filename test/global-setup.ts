/**
 * Migrates one PGlite database and loads the skills catalog once, then dumps it: every test
 * file starts from a copy (about 1 s) instead of running the migrations again (about 4 s).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../db/client.ts';
import { loadSkillsCatalog } from '../server/seed/seed.ts';
import { leftoverWorkerProcesses } from './helpers/processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabasePath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'jobs-test-'));
  const opened = await openPglite();
  await opened.db.transaction((tx) => loadSkillsCatalog(tx).then(() => undefined));
  const dump = await opened.client.dumpDataDir('none');
  await opened.close();
  const path = join(dir, 'template.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDatabasePath', path);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    // Every test ends what it started: a wrangler dev or workerd still running here is a leak.
    const leftovers = await leftoverWorkerProcesses(process.cwd());
    if (leftovers.length > 0) throw new Error(`the tests left processes running:\n${leftovers.join('\n')}`);
  };
}
