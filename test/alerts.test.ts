/**
 * Saved jobs and job alerts (issue 17 part 5): saving is idempotent and keeps closed jobs; a
 * seeker's alerts are theirs alone and capped; the sweep sends a daily alert's new jobs once, over
 * a real SMTP server, with RFC 8058 one-click unsubscribe; re-scoring never makes a match "new".
 */
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDigests, alertSentJobs, jobAlerts, matches, outboxMessages } from '../db/schema.ts';
import { createProviders } from '../server/providers.ts';
import { silentLogger } from '../server/logger.ts';
import type { MailSender } from '../server/mail/sender.ts';
import { createSmtpTransport } from '../server/mail/smtp.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { codeOf, employerClient, failureOf, nurseJob, seekerClient, type Client } from './helpers/actors.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { startSmtpServer } from './helpers/mail.ts';

const DAY_MS = 86_400_000;
const PUBLIC_URL = 'https://jobs.example.com';
const CONFIG = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12, publicUrl: PUBLIC_URL };
const embedder = createProviders().embedder;
const FROM = 'Fitwork <no-reply@fitwork.example>';

/** A header as it was sent (mailparser folds List-* headers into one object). */
const header = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');
const unsubscribeLink = (mail: ParsedMail) => /^<(.+)>$/.exec(header(mail, 'list-unsubscribe') ?? '')?.[1] ?? '';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('saved jobs', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let employer: Client & { id: number };
  let seeker: Client & { id: number };
  let jobId: number;
  beforeEach(async () => {
    t = await createTestApp();
    employer = await employerClient(t.app, 'boss@acme.example');
    seeker = await seekerClient(t.app, 'sam@example.com');
    jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  });

  it('saves once however often asked, lists it, shows it closed once closed, and unsaves idempotently', async () => {
    await seeker.trpc.jobs.save.mutate({ jobId });
    await seeker.trpc.jobs.save.mutate({ jobId });
    expect(await seeker.trpc.jobs.saved.query()).toEqual([
      expect.objectContaining({ jobId, title: 'Pediatric Nurse', companyName: 'Acme', closed: false }),
    ]);
    await employer.trpc.jobs.setStatus.mutate({ id: jobId, status: 'closed' });
    expect(await seeker.trpc.jobs.saved.query()).toEqual([expect.objectContaining({ jobId, closed: true })]);
    await seeker.trpc.jobs.unsave.mutate({ jobId });
    await seeker.trpc.jobs.unsave.mutate({ jobId });
    expect(await seeker.trpc.jobs.saved.query()).toEqual([]);
  });

  it('keeps each seeker’s list their own, refuses unknown or closed jobs, and is for seekers only', async () => {
    const other = await seekerClient(t.app, 'other@example.com');
    await other.trpc.jobs.save.mutate({ jobId });
    expect(await seeker.trpc.jobs.saved.query()).toEqual([]);
    expect(await codeOf(seeker.trpc.jobs.save.mutate({ jobId: 999_999 }))).toBe('NOT_FOUND');
    const draft = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    expect(await codeOf(seeker.trpc.jobs.save.mutate({ jobId: draft.id }))).toBe('NOT_FOUND');
    expect(await codeOf(employer.trpc.jobs.save.mutate({ jobId }))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.jobs.saved.query())).toBe('UNAUTHORIZED');
  });
});

describe('alerts', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let seeker: Client & { id: number };
  beforeEach(async () => {
    t = await createTestApp();
    seeker = await seekerClient(t.app, 'sam@example.com');
  });

  it('creates, lists and deletes; another seeker’s alert answers NOT_FOUND', async () => {
    const alert = await seeker.trpc.alerts.create.mutate({
      q: 'nurse',
      filters: { remoteAllowed: false, location: 'Boston' },
      frequency: 'daily',
    });
    expect(await seeker.trpc.alerts.list.query()).toEqual([
      expect.objectContaining({ id: alert.id, q: 'nurse', filters: { remoteAllowed: false, location: 'Boston' } }),
    ]);
    const other = await seekerClient(t.app, 'other@example.com');
    expect(await other.trpc.alerts.list.query()).toEqual([]);
    expect(await codeOf(other.trpc.alerts.delete.mutate({ id: alert.id }))).toBe('NOT_FOUND');
    await seeker.trpc.alerts.delete.mutate({ id: alert.id });
    expect(await seeker.trpc.alerts.list.query()).toEqual([]);
    expect(await codeOf(seeker.trpc.alerts.delete.mutate({ id: alert.id }))).toBe('NOT_FOUND');
  });

  it('refuses hostile input: a query over the search limit, unknown filters, a bad frequency, more than 20 alerts', async () => {
    expect(await failureOf(seeker.trpc.alerts.create.mutate({ q: 'x'.repeat(201), frequency: 'daily' }))).toMatchObject(
      { code: 'BAD_REQUEST', fieldErrors: { q: ['Search with at most 200 characters.'] } },
    );
    const smuggled = { q: 'nurse', frequency: 'daily', filters: { jobSeekerId: 1 } } as never;
    expect(await codeOf(seeker.trpc.alerts.create.mutate(smuggled))).toBe('BAD_REQUEST');
    expect(await codeOf(seeker.trpc.alerts.create.mutate({ q: 'nurse', frequency: 'hourly' as never }))).toBe(
      'BAD_REQUEST',
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => seeker.trpc.alerts.create.mutate({ q: `job ${i}`, frequency: 'weekly' })),
    );
    expect(await failureOf(seeker.trpc.alerts.create.mutate({ q: 'one more', frequency: 'weekly' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'You can keep at most 20 alerts. Delete one to add another.',
    });
    expect(await seeker.trpc.alerts.list.query()).toHaveLength(20);
  });

  it('keeps the threshold setting, 70% unless changed, within 0-100', async () => {
    expect(await seeker.trpc.alerts.settings.query()).toEqual({ matchThreshold: 70, matchEmails: true });
    await seeker.trpc.alerts.setSettings.mutate({ matchThreshold: 85, matchEmails: false });
    expect(await seeker.trpc.alerts.settings.query()).toEqual({ matchThreshold: 85, matchEmails: false });
    expect(await codeOf(seeker.trpc.alerts.setSettings.mutate({ matchThreshold: 101, matchEmails: true }))).toBe(
      'BAD_REQUEST',
    );
  });
});

// Each of these signs up two accounts and sweeps several times: generous on a busy machine.
describe('digests through the sweep, over a real SMTP server', { timeout: 120_000 }, () => {
  async function setup() {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    const mail: MailSender = { transport: createSmtpTransport(smtp.url), from: FROM, logger: silentLogger };
    const t = await createTestApp({ mail, env: { PUBLIC_URL } });
    const employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
    const seeker = await seekerClient(t.app, 'sam@example.com');
    await t.settle();
    const sweep = () => runMaintenance(t.db, { now: t.clock.now, config: CONFIG, mail, embedder });
    return { smtp, t, employer, seeker, sweep };
  }

  it('sends a daily alert’s new matching jobs once, the next day only newer ones, and unsubscribes without a session', async () => {
    const { smtp, t, employer, seeker, sweep } = await setup();
    const alert = await seeker.trpc.alerts.create.mutate({ q: 'pediatric nurse', frequency: 'daily' });
    t.clock.advance(60_000);
    const first = await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Forklift Operator',
      description: 'Drive forklifts in our warehouse, load trucks and keep the aisles safe.',
      skills: [],
    });
    await t.settle();
    const before = smtp.received.length;

    t.clock.advance(60 * 60_000);
    expect((await sweep()).alertDigests).toBe(1);
    const [digest] = (await smtp.waitFor(before + 1)).slice(before);
    expect(digest!.subject).toBe('1 new job for “pediatric nurse”');
    expect(digest!.text).toContain(`Pediatric Nurse, Acme Health (Boston, MA): ${PUBLIC_URL}/jobs/${first.id}`);
    expect(digest!.text).not.toContain('Forklift');
    expect(digest!.html).toContain(`href="${PUBLIC_URL}/jobs?q=pediatric+nurse"`);
    // RFC 8058: the URL to POST to, and the header saying a one-click POST is understood.
    const unsubscribeUrl = unsubscribeLink(digest!);
    expect(header(digest!, 'list-unsubscribe')).toBe(`<${unsubscribeUrl}>`);
    expect(unsubscribeUrl).toMatch(new RegExp(`^${PUBLIC_URL}/alerts/unsubscribe\\?token=[a-z2-7]{52}$`));
    expect(header(digest!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(digest!.text).toContain(`Unsubscribe from this alert: ${unsubscribeUrl}`);

    // Another sweep the same day sends nothing, even with a new job: it waits for tomorrow.
    t.clock.advance(60 * 60_000);
    const second = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Pediatric Nurse, nights' });
    await t.settle();
    expect((await sweep()).alertDigests).toBe(0);

    t.clock.advance(DAY_MS);
    expect((await sweep()).alertDigests).toBe(1);
    const [next] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(next!.subject).toBe('1 new job for “pediatric nurse”');
    expect(next!.text).toContain(`/jobs/${second.id}`);
    expect(next!.text).not.toContain(`/jobs/${first.id}:`);
    expect(await t.db.select().from(alertSentJobs)).toHaveLength(2);

    // A GET (a link scanner) only shows the confirm page; a POST without any cookie unsubscribes.
    const url = new URL(unsubscribeUrl);
    const path = `${url.pathname}${url.search}`;
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<form method="post"');
    expect(await seeker.trpc.alerts.list.query()).toHaveLength(1);
    const done = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    expect(await seeker.trpc.alerts.list.query()).toEqual([]);
    expect(await t.db.select().from(jobAlerts).where(eq(jobAlerts.id, alert.id))).toEqual([]);
    // Again is harmless; a made-up token is not found; the token never reaches the log.
    expect((await t.app.request(path, { method: 'POST' })).status).toBe(200);
    expect((await t.app.request(`/alerts/unsubscribe?token=${'a'.repeat(52)}`, { method: 'POST' })).status).toBe(404);
    expect(t.logLines.join('\n')).not.toContain(url.searchParams.get('token')!);
  });

  it('emails a new match over the threshold once; re-scoring an old job’s match never notifies', async () => {
    const { smtp, t, employer, seeker, sweep } = await setup();
    const old = await employer.trpc.jobs.create.mutate(nurseJob);
    await t.settle();
    const scoreOf = async (jobId: number, score: number) => {
      await t.db
        .insert(matches)
        .values({ jobSeekerId: seeker.id, jobId, overallScore: score, algorithmVersion: 'blend-v2' })
        .onConflictDoUpdate({ target: [matches.jobSeekerId, matches.jobId], set: { overallScore: score } });
    };
    await scoreOf(old.id, 0.5);
    t.clock.advance(3 * DAY_MS);
    expect((await sweep()).matchDigests).toBe(0);
    // A re-score (an experiment, a new algorithm) lifts the old job's match over 70%: not new.
    await scoreOf(old.id, 0.95);
    t.clock.advance(DAY_MS);
    const before = smtp.received.length;
    expect((await sweep()).matchDigests).toBe(0);

    // A job published since, matching at 82%: new.
    const fresh = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Charge Nurse' });
    await t.settle();
    await scoreOf(fresh.id, 0.82);
    t.clock.advance(DAY_MS / 2);
    expect((await sweep()).matchDigests).toBe(1);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toBe('1 new job fits your profile');
    expect(mail!.text).toContain(`Charge Nurse, Acme Health (Boston, MA): ${PUBLIC_URL}/jobs/${fresh.id} (82% match)`);
    expect(mail!.text).not.toContain(`/jobs/${old.id} `);
    expect(header(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Re-scored again the next day, it is not new any more: it was told.
    t.clock.advance(DAY_MS);
    await scoreOf(fresh.id, 0.9);
    expect((await sweep()).matchDigests).toBe(0);

    // Unsubscribing from this digest turns new-match emails off.
    const url = new URL(unsubscribeLink(mail!));
    await t.app.request(`${url.pathname}${url.search}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(await seeker.trpc.alerts.settings.query()).toEqual({ matchThreshold: 70, matchEmails: false });
  });

  it('queues the email with what was sent in one transaction, one per alert and period, and purges after 90 days', async () => {
    const { t, employer, seeker, sweep } = await setup();
    await seeker.trpc.alerts.create.mutate({ q: 'nurse', frequency: 'weekly' });
    t.clock.advance(60_000);
    await employer.trpc.jobs.create.mutate(nurseJob);
    await t.settle();
    await sweep();
    await sweep();
    const queued = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'job_alert'));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.idempotencyKey).toMatch(/^job-alert:\d+:2026-W48$/);
    expect(await t.db.select().from(alertDigests)).toHaveLength(1);
    t.clock.advance(91 * DAY_MS);
    expect((await sweep()).purgedDigests).toBe(1);
    expect(await t.db.select().from(alertSentJobs)).toEqual([]);
    expect(await t.db.select().from(jobAlerts).where(eq(jobAlerts.jobSeekerId, seeker.id))).toHaveLength(1);
  });
});
