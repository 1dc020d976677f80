/** The Node entry (what `npm start` runs) as a child process on a free port and a fresh data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './neon-local.ts';

export async function startNodeServer(env: Record<string, string> = {}, options: { startupMs?: number } = {}) {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'jobs-server-')));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/node.ts'], {
    env: { ...process.env, PORT: String(port), SEED_DEMO_DATA: 'false', APP_ENV: 'test', ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + (options.startupMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
    },
    async remove() {
      await this.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A job seeker signed up through the started server's HTTP path, as the SPA does (same-origin
 * header included): the session cookie (`name=value`) for the requests that follow. A refusal
 * throws with its body, so a broken setup does not surface later as a missing cookie.
 */
export async function signUpSeekerOverHttp(
  url: string,
  seeker: { email: string; password: string; firstName: string; lastName: string },
): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ userType: 'job_seeker', ...seeker }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}
