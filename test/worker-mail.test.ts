/**
 * Mail from the built worker inside workerd: sign-up queues the verification email and the
 * worker delivers it after the response (waitUntil) through Resend's HTTP API, here a local
 * stand-in speaking its wire format; /dev/mail and /alerts/unsubscribe reach the worker before the SPA fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nurseJob } from './helpers/actors.ts';
import { startResendStandIn, tokenIn } from './helpers/mail.ts';
import { startWorkerDev } from './helpers/worker-dev.ts';
import { hashUnsubscribeToken } from '../server/alerts/unsubscribe.ts';

const PUBLIC_URL = 'https://jobs.example.com';
let resend: Awaited<ReturnType<typeof startResendStandIn>>;
let worker: Awaited<ReturnType<typeof startWorkerDev>>;
let baseUrl: string;

beforeAll(async () => {
  resend = await startResendStandIn('re_worker_key');
  worker = await startWorkerDev({
    APP_ENV: 'production',
    PUBLIC_URL,
    MAIL_API: 'resend',
    MAIL_API_KEY: 're_worker_key',
    MAIL_API_URL: resend.url,
    MAIL_FROM: 'Fitwork <no-reply@jobs.example.com>',
  });
  baseUrl = worker.baseUrl;
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await resend?.close();
});

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

describe('mail from the worker', () => {
  it('delivers the verification email through Resend after the response, and its link verifies', async () => {
    const signUp = await post('auth.signUp', {
      userType: 'employer',
      email: 'edge@acme.example',
      password: 'workerd passphrase',
      companyName: 'Edge Co',
    });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const deadline = Date.now() + 15_000;
    while (resend.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [request] = resend.requests;
    expect(request!.headers['idempotency-key']).toMatch(/^verify_email:\d+$/);
    expect(request!.body).toMatchObject({
      from: 'Fitwork <no-reply@jobs.example.com>',
      to: ['edge@acme.example'],
      subject: 'Confirm your email address for Fitwork',
    });
    expect(request!.body.text).toContain(`${PUBLIC_URL}/verify-email#token=`);

    expect((await post('auth.verifyEmail', { token: tokenIn(request!.body.text) })).status).toBe(200);
    const me = await fetch(`${baseUrl}/trpc/auth.me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ result: { data: { email: 'edge@acme.example', emailVerified: true } } });
    const rows = await worker.database.client.query<{ status: string; transport: string }>(
      `select status, transport from outbox_messages`,
    );
    expect(rows.rows).toEqual([{ status: 'sent', transport: 'resend' }]);
  });

  it('sends a notification with RFC 8058 headers through Resend; /unsubscribe answers from the worker, POST without a session', async () => {
    const waitForMail = async (to: string, subject: string) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = resend.requests.find((r) => r.body.to[0] === to && r.body.subject === subject);
        if (found || Date.now() > deadline) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const signUp = await post('auth.signUp', {
      userType: 'employer',
      email: 'notify@acme.example',
      password: 'workerd passphrase',
      companyName: 'Notify Co',
    });
    const employerCookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const verifyMail = await waitForMail('notify@acme.example', 'Confirm your email address for Fitwork');
    expect((await post('auth.verifyEmail', { token: tokenIn(verifyMail!.body.text) })).status).toBe(200);
    const job = await post('jobs.create', nurseJob, employerCookie);
    const jobId = ((await job.json()) as { result: { data: { id: number } } }).result.data.id;
    const seeker = await post('auth.signUp', {
      userType: 'job_seeker',
      email: 'applicant@example.com',
      password: 'workerd passphrase',
      firstName: 'Ada',
      lastName: 'Applicant',
    });
    const seekerCookie = seeker.headers.get('set-cookie')!.split(';')[0]!;
    expect((await post('applications.submit', { jobId, coverLetter: null }, seekerCookie)).status).toBe(200);

    const mail = await waitForMail('notify@acme.example', `A new candidate applied to ${nurseJob.title}`);
    const headers = (mail!.body as { headers?: Record<string, string> }).headers ?? {};
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/jobs\.example\.com\/unsubscribe\?token=[a-z2-7]{52}>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const path = new URL(headers['List-Unsubscribe']!.slice(1, -1));

    const confirm = await fetch(`${baseUrl}/unsubscribe${path.search}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('New applicants to my jobs');
    const done = await fetch(`${baseUrl}/unsubscribe${path.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const preference = await worker.database.client.query<{ kind: string; email: boolean }>(
      'select kind, email from notification_preferences',
    );
    expect(preference.rows).toEqual([{ kind: 'new_applicant', email: false }]);
  }, 60_000);

  it('answers /dev/mail from the worker (run_worker_first), not with the SPA: it does not exist in production', async () => {
    const response = await fetch(`${baseUrl}/dev/mail`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

describe('alert unsubscribe from the worker', () => {
  it('reaches the worker before the SPA (run_worker_first): a GET confirms, a POST without a session unsubscribes', async () => {
    const token = 'a'.repeat(40) + 'b'.repeat(12);
    await worker.database.client.exec(`
      insert into users (email, password_hash, user_type) values ('alert@example.com', 'x', 'job_seeker');
      insert into job_seekers (id, first_name, last_name) select id, 'A', 'L' from users where email = 'alert@example.com';
      insert into job_alerts (job_seeker_id, query, filters, frequency) select id, 'welder', '{}', 'daily' from users where email = 'alert@example.com';
      insert into alert_digests (job_seeker_id, kind, alert_id, period, unsubscribe_token_hash, sent_at)
        select job_seeker_id, 'search', id, '2026-11-29', '${hashUnsubscribeToken(token)}', now() from job_alerts where query = 'welder';`);
    const url = `${baseUrl}/alerts/unsubscribe?token=${token}`;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop the job alert for “welder”?');
    const count = async () =>
      (
        await worker.database.client.query<{ n: number }>(
          `select count(*)::int as n from job_alerts where query = 'welder'`,
        )
      ).rows[0]!.n;
    expect(await count()).toBe(1);
    const done = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    expect(await count()).toBe(0);
    const unknown = await fetch(`${baseUrl}/alerts/unsubscribe?token=nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This link does not work');
  });
});
