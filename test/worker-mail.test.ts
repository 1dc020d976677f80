/**
 * Mail from the built worker inside workerd: sign-up queues the verification email and the
 * worker delivers it after the response (waitUntil) through Resend's HTTP API, here a local
 * stand-in speaking its wire format; /dev/mail reaches the worker before the SPA fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResendStandIn, tokenIn } from './helpers/mail.ts';
import { startWorkerDev } from './helpers/worker-dev.ts';

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

  it('answers /dev/mail from the worker (run_worker_first), not with the SPA: it does not exist in production', async () => {
    const response = await fetch(`${baseUrl}/dev/mail`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
