/**
 * The outbox and its transports: SMTP against a real SMTP server in process, Resend's API against
 * a local stand-in, failures that lose nothing, two drainers that never send twice, the
 * development mailbox, and the admin's view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../db/schema.ts';
import { silentLogger } from '../server/logger.ts';
import { enqueueMail } from '../server/mail/outbox.ts';
import { createResendTransport } from '../server/mail/resend.ts';
import { drainOutbox, MAX_ATTEMPTS, retryDelayMs, type MailSender } from '../server/mail/sender.ts';
import { createSmtpTransport } from '../server/mail/smtp.ts';
import { templates } from '../server/mail/templates.ts';
import type { MailTransport } from '../server/mail/transport.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { adminClient, codeOf, seekerClient } from './helpers/actors.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { freePort } from './helpers/neon-local.ts';
import { startResendStandIn, startSmtpServer, tokenIn } from './helpers/mail.ts';
import { startNodeServer } from './helpers/server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const FROM = 'Fitwork <no-reply@fitwork.example>';
const RETENTION = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12 };

async function smtpServer() {
  const smtp = await startSmtpServer();
  cleanups.push(smtp.close);
  return smtp;
}

describe('SMTP (nodemailer) against a real SMTP server', () => {
  it('delivers the verification email of a sign-up, with text and HTML parts, and its link verifies', async () => {
    const smtp = await smtpServer();
    const t = await createTestApp({
      mail: { transport: createSmtpTransport(smtp.url), from: FROM, logger: silentLogger },
      env: { PUBLIC_URL: 'https://jobs.example.com' },
    });
    const seeker = await seekerClient(t.app, 'maria@example.com');
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ emailVerified: false });
    await t.settle();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Confirm your email address for Fitwork');
    expect(mail!.from?.value[0]).toMatchObject({ name: 'Fitwork', address: 'no-reply@fitwork.example' });
    expect((mail!.to as { text: string }).text).toBe('maria@example.com');
    expect(mail!.text).toContain('https://jobs.example.com/verify-email#token=');
    expect(mail!.html).toContain('href="https://jobs.example.com/verify-email#token=');
    // No personal data beyond the address it goes to: the name given at sign-up is not in it.
    expect(`${mail!.text}${mail!.html}`).not.toMatch(/Sam|Lee/);

    await apiClient(t.app).trpc.auth.verifyEmail.mutate({ token: tokenIn(mail!.text!) });
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ emailVerified: true });
    // Single use.
    expect(await codeOf(apiClient(t.app).trpc.auth.verifyEmail.mutate({ token: tokenIn(mail!.text!) }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('delivers a reset link that sets a new password once and ends every session', async () => {
    const smtp = await smtpServer();
    const t = await createTestApp({
      mail: { transport: createSmtpTransport(smtp.url), from: FROM, logger: silentLogger },
    });
    const seeker = await seekerClient(t.app, 'dev@example.com');
    const otherDevice = apiClient(t.app);
    await otherDevice.trpc.auth.signIn.mutate({ email: 'dev@example.com', password: 'correct horse battery' });
    await apiClient(t.app).trpc.auth.requestPasswordReset.mutate({ email: 'dev@example.com' });
    await t.settle();
    const reset = (await smtp.waitFor(2)).find((m) => m.subject === 'Reset your Fitwork password')!;
    expect(reset.text).toContain('http://localhost:8787/reset-password#token=');
    const token = tokenIn(reset.text!);

    const stranger = apiClient(t.app);
    await stranger.trpc.auth.resetPassword.mutate({ token, password: 'a brand new passphrase' });
    expect(await seeker.trpc.auth.me.query()).toBeNull();
    expect(await otherDevice.trpc.auth.me.query()).toBeNull();
    expect(
      await codeOf(
        apiClient(t.app).trpc.auth.signIn.mutate({ email: 'dev@example.com', password: 'correct horse battery' }),
      ),
    ).toBe('UNAUTHORIZED');
    expect(
      await codeOf(
        apiClient(t.app).trpc.auth.signIn.mutate({ email: 'dev@example.com', password: 'a brand new passphrase' }),
      ),
    ).toBe('OK');
    expect(await codeOf(stranger.trpc.auth.resetPassword.mutate({ token, password: 'yet another passphrase' }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('loses nothing while the SMTP server refuses connections: retried with backoff, delivered when it is back', async () => {
    const port = await freePort();
    const t = await createTestApp({
      mail: { transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), from: FROM, logger: silentLogger },
    });
    await seekerClient(t.app, 'patient@example.com');
    await t.settle();
    const [queued] = await t.db.select().from(outboxMessages);
    expect(queued).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/SMTP failed: .*ECONNREFUSED/),
    });
    expect(queued!.nextAttemptAt.getTime()).toBe(t.clock.now.getTime() + retryDelayMs(1));

    // Before the retry is due the sweep leaves it alone; after it, with the server back, it goes.
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    const sender: MailSender = {
      transport: createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      from: FROM,
      logger: silentLogger,
    };
    expect((await runMaintenance(t.db, { now: t.clock.now, config: RETENTION, mail: sender })).mailSent).toBe(0);
    t.clock.advance(retryDelayMs(1));
    expect((await runMaintenance(t.db, { now: t.clock.now, config: RETENTION, mail: sender })).mailSent).toBe(1);
    expect((await smtp.waitFor(1))[0]!.subject).toBe('Confirm your email address for Fitwork');
    const [sent] = await t.db.select().from(outboxMessages);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, transport: 'smtp' });
  });
});

describe("Resend's HTTP API against a local stand-in", () => {
  it('retries 5xx and a timeout with the same idempotency key, then delivers once', async () => {
    const resend = await startResendStandIn('re_test_key');
    cleanups.push(resend.close);
    const t = await createTestApp();
    const sender: MailSender = {
      transport: createResendTransport({ apiKey: 're_test_key', baseUrl: resend.url, timeoutMs: 300 }),
      from: FROM,
      logger: silentLogger,
    };
    await enqueueMail(
      t.db,
      {
        kind: 'password_reset',
        recipientUserId: null,
        to: 'someone@example.com',
        content: templates.passwordReset('https://x.example/reset-password#token=abc'),
        idempotencyKey: 'password_reset:1',
      },
      t.clock.now,
    );
    resend.plan.push({ status: 503 }, { hangMs: 2000 }, { status: 429 });

    for (let attempt = 1; attempt <= 4; attempt++) {
      await drainOutbox(t.db, sender, () => t.clock.now);
      t.clock.advance(retryDelayMs(attempt));
    }
    const [row] = await t.db.select().from(outboxMessages);
    expect(row).toMatchObject({ status: 'sent', attempts: 4, transport: 'resend' });
    expect(resend.requests).toHaveLength(4);
    expect(new Set(resend.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['password_reset:1']));
    expect(resend.requests[3]!.body).toMatchObject({
      from: FROM,
      to: ['someone@example.com'],
      subject: 'Reset your Fitwork password',
      text: expect.stringContaining('#token=abc'),
      html: expect.stringContaining('<a href='),
    });
  });

  it('marks a message dead at once on a 4xx refusal, and after MAX_ATTEMPTS failures, keeping the reason; admins see it and can requeue it', async () => {
    const resend = await startResendStandIn('re_test_key');
    cleanups.push(resend.close);
    const t = await createTestApp();
    const sender: MailSender = {
      transport: createResendTransport({ apiKey: 're_test_key', baseUrl: resend.url }),
      from: FROM,
      logger: silentLogger,
    };
    await enqueueMail(
      t.db,
      {
        kind: 'verify_email',
        recipientUserId: null,
        to: 'a@example.com',
        content: templates.verifyEmail('https://x.example/verify-email#token=a'),
        idempotencyKey: 'k:a',
      },
      t.clock.now,
    );
    resend.plan.push({ status: 422 });
    expect(await drainOutbox(t.db, sender, () => t.clock.now)).toEqual({ sent: 0, retrying: 0, dead: 1 });

    await enqueueMail(
      t.db,
      {
        kind: 'verify_email',
        recipientUserId: null,
        to: 'b@example.com',
        content: templates.verifyEmail('https://x.example/verify-email#token=b'),
        idempotencyKey: 'k:b',
      },
      t.clock.now,
    );
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      resend.plan.push({ status: 500 });
      await drainOutbox(t.db, sender, () => t.clock.now);
      t.clock.advance(retryDelayMs(attempt));
    }
    const dead = await t.db.select().from(outboxMessages).where(eq(outboxMessages.status, 'dead'));
    expect(dead.map((d) => [d.toAddress, d.attempts, d.lastError])).toEqual([
      ['a@example.com', 1, 'PermanentMailError: Resend answered 422 (validation_error)'],
      ['b@example.com', MAX_ATTEMPTS, 'Error: Resend answered 500 (internal_server_error)'],
    ]);

    const admin = await adminClient(t.app, t.db);
    const outbox = await admin.trpc.mail.outbox.query({ status: 'dead' });
    expect(outbox.map((m) => m.lastError)).toEqual([expect.stringContaining('500'), expect.stringContaining('422')]);
    expect(outbox[0]).not.toHaveProperty('textBody');
    const log = await admin.trpc.mail.deliveries.query({ messageId: outbox[0]!.id });
    expect(log.map((d) => d.outcome)).toEqual([...Array(1).fill('dead'), ...Array(MAX_ATTEMPTS - 1).fill('failed')]);
    expect(await codeOf(apiClient(t.app).trpc.mail.outbox.query())).toBe('UNAUTHORIZED');

    await admin.trpc.mail.retry.mutate({ id: outbox[0]!.id });
    await drainOutbox(t.db, sender, () => t.clock.now);
    expect((await admin.trpc.mail.outbox.query({ status: 'sent' })).map((m) => m.to)).toContain('b@example.com');
  });
});

describe('the outbox', () => {
  it('never sends a message twice when two drainers run at once', async () => {
    const t = await createTestApp({ mail: null });
    for (let i = 0; i < 45; i++) {
      await enqueueMail(
        t.db,
        {
          kind: 'verify_email',
          recipientUserId: null,
          to: `p${i}@example.com`,
          content: templates.verifyEmail(`https://x.example/v#token=${i}`),
          idempotencyKey: `k:${i}`,
        },
        t.clock.now,
      );
    }
    const sends: string[] = [];
    const slow: MailTransport = {
      name: 'counting',
      async send(mail) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        sends.push(mail.to);
        return { providerId: null };
      },
    };
    const sender: MailSender = { transport: slow, from: FROM, logger: silentLogger };
    await Promise.all([
      drainOutbox(t.db, sender, () => t.clock.now, { batchSize: 5 }),
      drainOutbox(t.db, sender, () => t.clock.now, { batchSize: 5 }),
    ]);
    expect(sends).toHaveLength(45);
    expect(new Set(sends).size).toBe(45);
  });

  it('ignores a second message for the same event (its idempotency key)', async () => {
    const t = await createTestApp({ mail: null });
    const mail = {
      kind: 'verify_email',
      recipientUserId: null,
      to: 'x@example.com',
      content: templates.verifyEmail('https://x.example/v#token=1'),
      idempotencyKey: 'verify_email:1',
    };
    expect(await enqueueMail(t.db, mail, t.clock.now)).toBe(true);
    expect(await enqueueMail(t.db, mail, t.clock.now)).toBe(false);
    expect(await t.db.select().from(outboxMessages)).toHaveLength(1);
  });

  it('keeps sent messages 30 days, then the sweep deletes them', async () => {
    const t = await createTestApp();
    await seekerClient(t.app, 'old@example.com');
    await t.settle();
    expect((await runMaintenance(t.db, { now: t.clock.now, config: RETENTION })).purgedMail).toBe(0);
    t.clock.advance(31 * 24 * 60 * 60_000);
    expect((await runMaintenance(t.db, { now: t.clock.now, config: RETENTION })).purgedMail).toBe(1);
  });
});

describe('the development mailbox', () => {
  it('shows every message at /dev/mail to loopback only, and logs none of their links', async () => {
    const t = await createTestApp({ env: { APP_ENV: 'development' } });
    await seekerClient(t.app, 'local@example.com');
    await t.settle();
    const [row] = await t.db.select().from(outboxMessages);
    expect(row).toMatchObject({ status: 'sent', transport: 'dev-mailbox' });
    const token = tokenIn(row!.textBody);

    const list = await t.app.request('/dev/mail', { headers: { 'x-test-client-ip': '127.0.0.1' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const listHtml = await list.text();
    expect(listHtml).toContain('Confirm your email address for Fitwork');
    expect(listHtml).toContain('local@example.com');
    const one = await (await t.app.request(`/dev/mail/${row!.id}`, { headers: { 'x-test-client-ip': '::1' } })).text();
    expect(one).toContain(`verify-email#token=${token}`);
    const html = await (
      await t.app.request(`/dev/mail/${row!.id}/html`, { headers: { 'x-test-client-ip': '127.0.0.1' } })
    ).text();
    expect(html).toContain('Confirm my email address');

    expect((await t.app.request('/dev/mail', { headers: { 'x-test-client-ip': '203.0.113.9' } })).status).toBe(404);
    expect((await t.app.request(`/dev/mail/${row!.id}`, { headers: { 'x-test-client-ip': '10.0.0.2' } })).status).toBe(
      404,
    );

    const log = t.logLines.join('\n');
    expect(log).toContain('mail waiting in the development mailbox');
    expect(log).not.toContain(token);
  });

  it('does not exist outside development, nor with a transport configured', async () => {
    const test = await createTestApp();
    expect((await test.app.request('/dev/mail', { headers: { 'x-test-client-ip': '127.0.0.1' } })).status).toBe(404);
    const withSmtp = await createTestApp({
      env: { APP_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: FROM },
      mail: null,
    });
    expect((await withSmtp.app.request('/dev/mail', { headers: { 'x-test-client-ip': '127.0.0.1' } })).status).toBe(
      404,
    );
  });
});

describe('npm start with no configuration', () => {
  it('keeps every message at /dev/mail and logs each one without its link', async () => {
    const server = await startNodeServer({ APP_ENV: 'development' });
    cleanups.push(() => server.remove());
    const signUp = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        userType: 'job_seeker',
        email: 'first@example.com',
        password: 'correct horse battery',
        firstName: 'Ada',
        lastName: 'Byron',
      }),
    });
    expect(signUp.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!server.output().includes('mail waiting in the development mailbox') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const list = await (await fetch(`${server.url}/dev/mail`)).text();
    const id = /href="\/dev\/mail\/(\d+)"/.exec(list)?.[1];
    expect(list).toContain('Confirm your email address for Fitwork');
    const message = await (await fetch(`${server.url}/dev/mail/${id}`)).text();
    const token = /#token=([a-z0-9]+)/.exec(message)?.[1];
    expect(message).toContain(`${server.url}/verify-email#token=`);
    expect(server.output()).toContain('"message":"mail waiting in the development mailbox","kind":"verify_email"');
    expect(server.output()).not.toContain(token!);
  }, 90_000);
});
