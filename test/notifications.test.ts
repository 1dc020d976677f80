/**
 * Notifications (issue 17 part 4): the in-app center and the email of each event, written in the
 * event's transaction; preferences per kind and channel; one-click unsubscribe (RFC 8058) without
 * a session, never on GET, its token never in the request log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { notifications, outboxMessages, unsubscribeTokens } from '../db/schema.ts';
import { silentLogger } from '../server/logger.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { createSmtpTransport } from '../server/mail/smtp.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, nurseJob, seekerClient } from './helpers/actors.ts';
import { startSmtpServer } from './helpers/mail.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const PUBLIC_URL = 'https://jobs.example.com';
const DAY_MS = 24 * 60 * 60_000;
const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;

async function world(options: { smtp?: string } = {}) {
  const t = await createTestApp({
    env: { PUBLIC_URL },
    ...(options.smtp
      ? {
          mail: {
            transport: createSmtpTransport(options.smtp),
            from: 'Fitwork <no-reply@fitwork.example>',
            logger: silentLogger,
          },
        }
      : {}),
  });
  const employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  const jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  const seeker = await seekerClient(t.app, 'maria@example.com');
  await seeker.trpc.seekers.setResume.mutate({ text: resume });
  await t.settle();
  const applicationId = (await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null })).id;
  await t.settle();
  return { t, employer, seeker, jobId, applicationId };
}

const notificationEmails = async (t: { db: Awaited<ReturnType<typeof createTestApp>>['db'] }, kind: string) =>
  (await t.db.select().from(outboxMessages)).filter((m) => m.kind === kind);

describe('an employer moves an application (SMTP against a real server)', () => {
  it('emails the seeker with List-Unsubscribe headers and shows the notification in the center', async () => {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    const { t, employer, seeker, applicationId } = await world({ smtp: smtp.url });
    const before = smtp.received.length;
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    await t.settle();
    const mails = await smtp.waitFor(before + 1);
    const mail = mails.find((m) => m.subject?.includes('was reviewed'))!;
    expect(mail.subject).toBe(`Your application for ${nurseJob.title} was reviewed`);
    expect((mail.to as { text: string }).text).toBe('maria@example.com');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/jobs\.example\.com\/unsubscribe\?token=[a-z2-7]{52}>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`${PUBLIC_URL}/me/applications`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/me/applications"`);

    expect(await seeker.trpc.notifications.unreadCount.query()).toEqual({ unread: 1 });
    const { items } = await seeker.trpc.notifications.list.query({});
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'application_status',
        title: `Your application for ${nurseJob.title} was reviewed`,
        link: '/me/applications',
        readAt: null,
      }),
    ]);
    expect(await seeker.trpc.notifications.markRead.mutate({ ids: [items[0]!.id] })).toEqual({ marked: 1, unread: 0 });
  }, 90_000);
});

describe('one-click unsubscribe', () => {
  it('a GET only shows the confirm page; a POST without a session turns that kind of email off, in-app stays', async () => {
    const { t, employer, seeker, applicationId } = await world();
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    const [email] = await notificationEmails(t, 'notify_application_status');
    const url = new URL(email!.unsubscribeUrl!);
    expect(url.origin + url.pathname).toBe(`${PUBLIC_URL}/unsubscribe`);
    expect(email!.textBody).toContain(url.href);

    const page = await t.app.request(`/unsubscribe${url.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Changes to the status of my applications');
    expect(html).toMatch(/<form method="post" action="\/unsubscribe\?token=[a-z2-7]{52}">/);
    expect(await seeker.trpc.notifications.preferences.query()).toContainEqual(
      expect.objectContaining({ kind: 'application_status', email: true, inApp: true }),
    );

    // What a mail client sends (RFC 8058): no cookie, no Origin.
    const done = await t.app.request(`/unsubscribe${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    expect(await seeker.trpc.notifications.preferences.query()).toContainEqual(
      expect.objectContaining({ kind: 'application_status', email: false, inApp: true }),
    );

    // The next change: the in-app notification, no email.
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'interview' });
    expect(await notificationEmails(t, 'notify_application_status')).toHaveLength(1);
    expect((await seeker.trpc.notifications.list.query({})).items.map((n) => n.title)).toEqual([
      `Your application for ${nurseJob.title} moved to the interview stage`,
      `Your application for ${nurseJob.title} was reviewed`,
    ]);
    // The token never reaches the log.
    expect(t.logLines.join('\n')).not.toContain(url.searchParams.get('token')!);
  });

  it('answers a token that is not valid with a page that says so, and changes nothing', async () => {
    const { t } = await world();
    for (const search of ['', '?token=nope', `?token=${'a'.repeat(52)}`]) {
      const response = await t.app.request(`/unsubscribe${search}`, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This link is not valid');
    }
    expect((await t.pg.query('select count(*)::int as n from notification_preferences')).rows).toEqual([{ n: 0 }]);
  });
});

describe('preferences', () => {
  it('lists the kinds of the caller’s role with defaults; an in-app channel off writes no row', async () => {
    const { t, employer, seeker, applicationId } = await world();
    expect((await employer.trpc.notifications.preferences.query()).map((p) => p.kind)).toEqual([
      'new_applicant',
      'review_requested',
      'job_expiring',
    ]);
    expect(
      await seeker.trpc.notifications.setPreferences.mutate({
        preferences: [{ kind: 'application_status', inApp: false }],
      }),
    ).toContainEqual(expect.objectContaining({ kind: 'application_status', inApp: false, email: true }));
    expect(
      await codeOf(
        seeker.trpc.notifications.setPreferences.mutate({ preferences: [{ kind: 'new_applicant', email: false }] }),
      ),
    ).toBe('BAD_REQUEST');
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    expect((await seeker.trpc.notifications.list.query({})).items).toEqual([]);
    expect(await notificationEmails(t, 'notify_application_status')).toHaveLength(1);
  });
});

describe('events', () => {
  it('tells the employer of a new applicant, and of a review request; the seeker of its answer', async () => {
    const { t, employer, seeker, jobId } = await world();
    expect((await employer.trpc.notifications.list.query({})).items).toEqual([
      expect.objectContaining({ kind: 'new_applicant', link: `/employer/jobs/${jobId}` }),
    ]);
    // Nothing of the candidate's in it: they are on the candidates page.
    expect(JSON.stringify(await notificationEmails(t, 'notify_new_applicant'))).not.toContain('maria');

    const review = await seeker.trpc.matches.requestReview.mutate({
      jobId,
      kind: 'human_review',
      message: 'Please have a person look at my licence.',
    });
    expect((await employer.trpc.notifications.list.query({})).items[0]).toMatchObject({ kind: 'review_requested' });
    await employer.trpc.matches.respondToReview.mutate({ reviewId: review.id, response: 'We will call you.' });
    expect((await seeker.trpc.notifications.list.query({})).items[0]).toMatchObject({
      kind: 'review_answered',
      title: 'Acme Health answered your review request',
    });
  });

  it('tells an employer once of a job expiring within 3 days, from the sweep', async () => {
    const { t, employer, jobId } = await world();
    await employer.trpc.jobs.update.mutate({
      id: jobId,
      expiresAt: new Date(t.clock.now.getTime() + 5 * DAY_MS).toISOString(),
    });
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12, publicUrl: PUBLIC_URL };
    expect((await runMaintenance(t.db, { now: t.clock.now, config })).expiringJobs).toBe(0);
    t.clock.advance(2.5 * DAY_MS);
    expect((await runMaintenance(t.db, { now: t.clock.now, config })).expiringJobs).toBe(1);
    expect((await runMaintenance(t.db, { now: t.clock.now, config })).expiringJobs).toBe(0);
    expect((await employer.trpc.notifications.list.query({ unreadOnly: true })).items[0]).toMatchObject({
      kind: 'job_expiring',
      link: `/employer/jobs/${jobId}/edit`,
    });
    expect(await notificationEmails(t, 'notify_job_expiring')).toHaveLength(1);
  });
});

describe('the center', () => {
  it('pages newest first, and marks only the caller’s own rows read', async () => {
    const { t, employer, seeker, applicationId } = await world();
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    t.clock.advance(1000);
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'interview' });
    t.clock.advance(1000);
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'offer' });
    const first = await seeker.trpc.notifications.list.query({ limit: 2 });
    expect(first.items.map((n) => n.data.status)).toEqual(['offer', 'interview']);
    const second = await seeker.trpc.notifications.list.query({ limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({
      items: [expect.objectContaining({ data: expect.objectContaining({ status: 'reviewed' }) })],
      nextCursor: null,
    });

    const employersOwn = (await employer.trpc.notifications.list.query({})).items.map((n) => n.id);
    expect(await seeker.trpc.notifications.markRead.mutate({ ids: employersOwn })).toEqual({ marked: 0, unread: 3 });
    expect(await employer.trpc.notifications.unreadCount.query()).toEqual({ unread: 1 });
    expect(await seeker.trpc.notifications.markRead.mutate({ all: true })).toEqual({ marked: 3, unread: 0 });
    expect(await codeOf(apiClient(t.app).trpc.notifications.list.query({}))).toBe('UNAUTHORIZED');
  });

  it('forgets read notifications after 180 days and old unsubscribe links, in the sweep', async () => {
    const { t, seeker, employer, applicationId } = await world();
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    await seeker.trpc.notifications.markRead.mutate({ all: true });
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12 };
    t.clock.advance(179 * DAY_MS);
    await runMaintenance(t.db, { now: t.clock.now, config });
    expect(await t.db.select().from(notifications)).toHaveLength(2);
    t.clock.advance(2 * DAY_MS);
    await runMaintenance(t.db, { now: t.clock.now, config });
    // The seeker's read one went; the employer's unread one stays (a year).
    expect((await t.db.select().from(notifications)).map((n) => n.kind)).toEqual(['new_applicant']);
    expect(await t.db.select().from(unsubscribeTokens)).toHaveLength(0);
  });
});
