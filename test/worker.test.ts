/**
 * The built worker inside workerd (wrangler dev, offline), reaching PGlite through the Neon
 * driver itself: the same path as production with Neon, minus the network.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/db.ts';
import { freePort, startLocalNeon } from './helpers/neon-local.ts';
import { processGroupAlive, stopProcessGroup } from './helpers/processes.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let neon: Awaited<ReturnType<typeof startLocalNeon>>;
let wrangler: ChildProcess;
let output = '';
let baseUrl: string;
let stateDir: string;

async function waitForReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not become healthy in ${timeoutMs} ms:\n${output}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  neon = await startLocalNeon(database.client);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  stateDir = await mkdtemp(join(tmpdir(), 'wrangler-state-'));
  wrangler = spawn(
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
      '--var',
      `DATABASE_URL:${neon.databaseUrl}`,
      '--var',
      `NEON_WS_PROXY:${neon.wsProxy}`,
      '--var',
      'APP_ENV:test',
    ],
    // Its own process group: npx starts wrangler, which starts workerd; ending the group ends all three.
    {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  wrangler.stdout!.on('data', (d) => (output += d));
  wrangler.stderr!.on('data', (d) => (output += d));
  await waitForReady(baseUrl, 60_000);
}, 90_000);

afterAll(async () => {
  if (wrangler?.pid) await stopProcessGroup(wrangler.pid);
  await neon?.stop();
  await database?.close();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

describe('the worker in workerd, on the Neon driver', () => {
  it('answers /health with the pgvector version', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    const installed = await database.client.query<{ extversion: string }>(
      `select extversion from pg_extension where extname = 'vector'`,
    );
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', pgvector: installed.rows[0]!.extversion });
  });

  it('serves the SPA as static assets, also for client-side routes', async () => {
    for (const path of ['/account', '/signin']) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('renders the public pages itself (run_worker_first), and leaves hashed assets to the CDN', async () => {
    const start = await fetch(`${baseUrl}/`);
    expect(start.status).toBe(200);
    const html = await start.text();
    expect(html).toContain('<h1>Find the work that fits you</h1>');
    expect(html).toContain('<script type="application/json" id="fitwork-state">');
    expect(start.headers.get('cache-control')).toContain('s-maxage=60');
    const missing = await fetch(`${baseUrl}/jobs/999999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is no job at this address.');
    expect((await fetch(`${baseUrl}/companies/999999`)).status).toBe(404);
    expect(await (await fetch(`${baseUrl}/robots.txt`)).text()).toContain('Sitemap:');
    expect(await (await fetch(`${baseUrl}/sitemap.xml`)).text()).toContain('<urlset');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('signs up (argon2id from a WASM module), signs in and answers auth.me', async () => {
    const origin = baseUrl;
    const post = (path: string, body: unknown, cookie?: string) =>
      fetch(`${baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const signUp = await post('auth.signUp', {
      userType: 'employer',
      email: 'edge@acme.example',
      password: 'workerd passphrase',
      companyName: 'Edge Co',
    });
    expect(signUp.status).toBe(200);

    const signIn = await post('auth.signIn', { email: 'edge@acme.example', password: 'workerd passphrase' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^session=/);

    const me = await fetch(`${baseUrl}/trpc/auth.me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      result: { data: { email: 'edge@acme.example', userType: 'employer', profile: { companyName: 'Edge Co' } } },
    });

    const hash = await database.client.query<{ password_hash: string }>(
      `select password_hash from users where email = 'edge@acme.example'`,
    );
    expect(hash.rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a bad sign-up with a readable BAD_REQUEST', async () => {
    const response = await fetch(`${baseUrl}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userType: 'job_seeker', email: 'nope', password: 'x', firstName: 'A', lastName: 'B' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toBe('email: Enter a valid email address, like name@example.com.');
  });

  it('reads an uploaded PDF resume inside workerd', async () => {
    const signUp = await fetch(`${baseUrl}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        userType: 'job_seeker',
        email: 'pdf@example.com',
        password: 'workerd passphrase',
        firstName: 'Pat',
        lastName: 'Doe',
      }),
    });
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const form = new FormData();
    form.append(
      'file',
      new File([new Uint8Array(await readFile('test/fixtures/files/resume.pdf'))], 'resume.pdf', {
        type: 'application/pdf',
      }),
    );
    const upload = await fetch(`${baseUrl}/trpc/seekers.uploadResume`, {
      method: 'POST',
      headers: { cookie, origin: baseUrl },
      body: form,
    });
    expect(upload.status).toBe(200);
    const body = (await upload.json()) as { result: { data: { text: string; data: { work: { name: string }[] } } } };
    expect(body.result.data.text).toContain("Pediatric Nurse - Lakeshore Children's Hospital");
    expect(body.result.data.data.work.map((w) => w.name)).toEqual([
      "Lakeshore Children's Hospital",
      'Mercy Community Hospital',
    ]);
  });

  it('serves an anonymous search from the edge cache the second time', async () => {
    const url = `${baseUrl}/trpc/jobs.search?input=${encodeURIComponent(JSON.stringify({ q: 'nurse' }))}`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('public');
    await first.text();
    const second = await fetch(url);
    expect(second.headers.get('x-edge-cache')).toBe('hit');
  });

  it('answers 503 quickly while the database refuses connections, and recovers when it is back', async () => {
    neon.refuseConnections();
    try {
      const started = Date.now();
      const health = await fetch(`${baseUrl}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' });
      const signIn = await fetch(`${baseUrl}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({ email: 'edge@acme.example', password: 'workerd passphrase' }),
      });
      expect(signIn.status).toBeGreaterThanOrEqual(500);
      const text = await signIn.text();
      expect(text).toContain('Please try again');
      expect(text).not.toMatch(/websocket|ECONN|select|stack/i);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      neon.acceptConnections();
    }
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
    const signIn = await fetch(`${baseUrl}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'edge@acme.example', password: 'workerd passphrase' }),
    });
    expect(signIn.status).toBe(200);
  });
});

describe('the test itself', () => {
  it('leaves no wrangler or workerd process behind', async () => {
    const pid = wrangler.pid!;
    await stopProcessGroup(pid);
    expect(processGroupAlive(pid)).toBe(false);
  });
});
