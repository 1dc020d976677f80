/**
 * The built worker inside workerd (`wrangler dev`, offline) over a private PGlite reached through
 * the Neon driver and the local Neon stand-in: what test/worker*.test.ts start once per file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './db.ts';
import { freePort, startLocalNeon } from './neon-local.ts';
import { stopProcessGroup } from './processes.ts';

const READY_TIMEOUT_MS = 60_000;

/** `vars` are the worker's variables beyond the database's (APP_ENV, PUBLIC_URL, MAIL_*...). */
export async function startWorkerDev(vars: Record<string, string>) {
  const database = await createTestDatabase();
  const neon = await startLocalNeon(database.client);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stateDir = await mkdtemp(join(tmpdir(), 'wrangler-state-'));
  const allVars = { DATABASE_URL: neon.databaseUrl, NEON_WS_PROXY: neon.wsProxy, ...vars };
  const wrangler = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      stateDir,
      '--show-interactive-dev-session=false',
      ...Object.entries(allVars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    // Its own process group: npx starts wrangler, which starts workerd; ending the group ends all three.
    {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  wrangler.stdout!.on('data', (d) => (output += d));
  wrangler.stderr!.on('data', (d) => (output += d));
  const pid = wrangler.pid!;

  const stop = async () => {
    await stopProcessGroup(pid);
    await neon.stop();
    await database.close();
    await rm(stateDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (wrangler.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        wrangler.exitCode !== null
          ? `wrangler dev exited:\n${output}`
          : `wrangler dev did not become healthy in ${READY_TIMEOUT_MS} ms:\n${output}`,
      );
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, database, neon, pid, stop, output: () => output };
}
