/**
 * The built worker inside workerd (wrangler dev, offline), reaching PGlite through the Neon
 * driver itself: the same path as production with Neon, minus the network.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nurseJob } from './helpers/actors.ts';
import { processGroupAlive, stopProcessGroup } from './helpers/processes.ts';
import { startWorkerDev } from './helpers/worker-dev.ts';

let worker: Awaited<ReturnType<typeof startWorkerDev>>;
let database: typeof worker.database;
let neon: typeof worker.neon;
let baseUrl: string;

beforeAll(async () => {
  worker = await startWorkerDev({ APP_ENV: 'test' });
  ({ database, neon, baseUrl } = worker);
}, 90_000);

afterAll(async () => {
  await worker?.stop();
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

  it('keeps an uploaded original in R2 and serves its exact bytes to the employer at /files (before the SPA)', async () => {
    const post = (path: string, body: unknown, cookie?: string) =>
      fetch(`${baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const cookieOf = async (response: Response) => {
      expect(response.status, await response.clone().text()).toBe(200);
      return response.headers.get('set-cookie')!.split(';')[0]!;
    };
    await cookieOf(
      await post('auth.signUp', {
        userType: 'employer',
        email: 'files@acme.example',
        password: 'workerd passphrase',
        companyName: 'Files Co',
      }),
    );
    await database.client.query(`update users set email_verified_at = now() where email = 'files@acme.example'`);
    const signedIn = await post('auth.signIn', { email: 'files@acme.example', password: 'workerd passphrase' });
    const employerSession = await cookieOf(signedIn);
    const job = await post('jobs.create', { ...nurseJob, skills: [] }, employerSession);
    expect(job.status, await job.clone().text()).toBe(200);
    const jobId = ((await job.json()) as { result: { data: { id: number } } }).result.data.id;

    const seeker = await cookieOf(
      await post('auth.signUp', {
        userType: 'job_seeker',
        email: 'files@example.com',
        password: 'workerd passphrase',
        firstName: 'Fay',
        lastName: 'Doe',
      }),
    );
    const pdf = new Uint8Array(await readFile('test/fixtures/files/resume.pdf'));
    const form = new FormData();
    form.append('file', new File([pdf], 'resume.pdf', { type: 'application/pdf' }));
    const upload = await fetch(`${baseUrl}/trpc/seekers.uploadResume`, {
      method: 'POST',
      headers: { cookie: seeker, origin: baseUrl },
      body: form,
    });
    expect(upload.status).toBe(200);
    const applied = await post('applications.submit', { jobId, coverLetter: null }, seeker);
    expect(applied.status, await applied.clone().text()).toBe(200);
    const applicationId = ((await applied.json()) as { result: { data: { id: number } } }).result.data.id;

    const url = `${baseUrl}/files/applications/${applicationId}/resume`;
    const download = await fetch(url, { headers: { cookie: employerSession } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="resume\.pdf"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    // Anonymous: the worker answers (401 JSON), not the SPA's index.html.
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
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

describe('the calendar feed in workerd (issue 19)', () => {
  it('serves a member’s interviews as text/calendar, private and uncached, and 404 once revoked', async () => {
    const post = async (path: string, body: unknown, cookie?: string) => {
      const response = await fetch(`${baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
      return response;
    };
    const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
    const dataOf = async <T>(response: Response) => ((await response.json()) as { result: { data: T } }).result.data;
    const employer = cookieOf(
      await post('auth.signUp', {
        userType: 'employer',
        email: 'feed@acme.example',
        password: 'workerd passphrase',
        companyName: 'Feed Co',
      }),
    );
    await database.client.query(`update users set email_verified_at = now() where email = 'feed@acme.example'`);
    const employerId = (
      await dataOf<{ id: number }>(await fetch(`${baseUrl}/trpc/auth.me`, { headers: { cookie: employer } }))
    ).id;
    const job = await dataOf<{ id: number }>(await post('jobs.create', { ...nurseJob, skills: [] }, employer));
    const seeker = cookieOf(
      await post('auth.signUp', {
        userType: 'job_seeker',
        email: 'feed@example.com',
        password: 'workerd passphrase',
        firstName: 'Fern',
        lastName: 'Day',
      }),
    );
    await post(
      'seekers.setResume',
      { text: 'Pediatric nurse, 5 years of patient care and medication administration.' },
      seeker,
    );
    const application = await dataOf<{ id: number }>(
      await post('applications.submit', { jobId: job.id, coverLetter: null }, seeker),
    );
    const interview = await dataOf<{ id: number }>(
      await post(
        'interviews.propose',
        {
          applicationId: application.id,
          slots: [{ start: '2030-03-31T10:00:00+02:00', end: '2030-03-31T11:00:00+02:00' }],
          timeZone: 'Europe/Berlin',
          interviewerIds: [employerId],
        },
        employer,
      ),
    );
    const mine = await dataOf<{ interviews: { slots: { id: number }[] }[] }>(
      await fetch(`${baseUrl}/trpc/interviews.mine`, { headers: { cookie: seeker } }),
    );
    await post('interviews.choose', { interviewId: interview.id, slotId: mine.interviews[0]!.slots[0]!.id }, seeker);
    const { url } = await dataOf<{ url: string }>(await post('interviews.calendarFeed', null, employer));
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/calendar\/[a-z2-7]{52}\.ics$/);

    const feed = await fetch(`${baseUrl}${path}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(feed.headers.get('cache-control')).toBe('private, no-store');
    const text = await feed.text();
    expect(text).toContain('DTSTART:20300331T080000Z');
    expect(text).toContain('SUMMARY:Interview: Pediatric Nurse with Fern Day');

    await post('interviews.revokeCalendarFeed', null, employer);
    const revoked = await fetch(`${baseUrl}${path}`);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get('content-type')).not.toMatch(/text\/html/);
  }, 60_000);
});

describe('the test itself', () => {
  it('leaves no wrangler or workerd process behind', async () => {
    const pid = worker.pid;
    await stopProcessGroup(pid);
    expect(processGroupAlive(pid)).toBe(false);
  });
});
