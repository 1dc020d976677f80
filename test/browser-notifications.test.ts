/**
 * Notifications in a real Chromium against the Node entry, SMTP_URL pointing at an SMTP server
 * in this process: an employer moves a seeker's application; the seeker sees the bell's unread
 * count and the notification page, and follows the email's unsubscribe link to its confirm page
 * and the one-click POST. At 1366x900 and 390x844, screenshots in test-results/notify-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nurseJob } from './helpers/actors.ts';
import { browserWorld, expectNoSeriousViolations, screenshot, VIEWPORTS } from './helpers/browser.ts';

const world = browserWorld({ mail: true });

const PASSWORD = 'correct horse battery';
let seekerCookie: { name: string; value: string };
let unsubscribeUrl: string;

async function post(path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${world.server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: world.server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const cookieHeader = response.headers.get('set-cookie')?.split(';')[0];
  return { data: ((await response.json()) as { result: { data: unknown } }).result.data, cookie: cookieHeader };
}

async function mailTo(to: string, subject: RegExp) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = world.smtp.received.find(
      (m) => (m.to as { text: string }).text === to && subject.test(m.subject ?? ''),
    );
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email ${subject} to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const employer = await post('auth.signUp', {
    userType: 'employer',
    email: 'hiring@lakeside.example',
    password: PASSWORD,
    companyName: 'Lakeside Clinic',
  });
  const verify = await mailTo('hiring@lakeside.example', /^Confirm your email/);
  await post('auth.verifyEmail', { token: /#token=([a-z0-9]+)/.exec(verify.text ?? '')![1] });
  const job = (await post('jobs.create', nurseJob, employer.cookie)).data as { id: number };
  const seeker = await post('auth.signUp', {
    userType: 'job_seeker',
    email: 'nina@example.com',
    password: PASSWORD,
    firstName: 'Nina',
    lastName: 'Park',
  });
  const application = (await post('applications.apply', { jobId: job.id, coverLetter: null }, seeker.cookie)).data as {
    id: number;
  };
  await post('applications.setStatus', { id: application.id, status: 'reviewed' }, employer.cookie);
  const mail = await mailTo('nina@example.com', /was reviewed$/);
  const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' ') ?? '';
  unsubscribeUrl = /<(https?:\/\/[^>]+)>/.exec(header)![1]!;
  const [name, value] = seeker.cookie!.split('=') as [string, string];
  seekerCookie = { name, value };
}, 180_000);

const shot = (page: Page, name: string) => screenshot(page, `notify-${name}`);

describe('notifications in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`shows the bell, the notification page and the unsubscribe pages (${viewport.name})`, async () => {
      const context = await world.browser.newContext({ viewport, bypassCSP: true });
      await context.addCookies([{ ...seekerCookie, url: world.server.url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      try {
        await page.goto(`${world.server.url}/me/applications`);
        const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
        await bell.waitFor();
        await shot(page, `bell-${viewport.name}`);
        await bell.click();
        await page.waitForURL('**/notifications');
        await page.getByRole('heading', { name: `Your application for ${nurseJob.title} was reviewed` }).waitFor();
        await expectNoSeriousViolations(page);
        await shot(page, `page-${viewport.name}`);

        await page.goto(unsubscribeUrl.replace(/^https?:\/\/[^/]+/, world.server.url));
        await page.getByRole('heading', { name: 'Stop these emails?' }).waitFor();
        await expectNoSeriousViolations(page);
        await shot(page, `unsubscribe-${viewport.name}`);
        await page.getByRole('button', { name: 'Unsubscribe' }).click();
        await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
        await shot(page, `unsubscribed-${viewport.name}`);

        await page.goto(`${world.server.url}/account`);
        const byEmail = page.getByLabel('Changes to the status of my applications: by email');
        await byEmail.waitFor();
        expect(await byEmail.isChecked()).toBe(false);
        await shot(page, `settings-${viewport.name}`);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
