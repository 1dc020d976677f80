/**
 * The platform's own limit for the load test: a bare `node:http` server answering a fixed 2 KB
 * JSON body, run as its own process like the app, measured with the same tool and settings.
 */
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/neon-local.ts';

export const BASELINE_BODY = JSON.stringify({
  items: Array.from({ length: 16 }, (_, i) => ({ id: i + 1, title: `Registered Nurse ${i + 1}`, score: 0.8 })),
  padding: 'x'.repeat(1_300),
}).slice(0, 2_048);

function serveBaseline(port: number) {
  const body = Buffer.from(BASELINE_BODY);
  createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  }).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
}

/** Starts the baseline in a child process (the app under test runs in one too); resolves with its URL. */
export async function startBaseline() {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) serveBaseline(Number(process.argv[2]));
