/**
 * Interview scheduling in a real Chromium against the Node entry (issue 19): the recruiter, in
 * Berlin, proposes a time from the pipeline board's applicant panel and assigns an interviewer;
 * the candidate, in New York, sees it in their own zone on /me/applications and confirms it; the
 * interviewer finds it on "My interviews" and gets a calendar link that serves it. At 1366x900
 * and 390x844, screenshots in test-results/interviews-*.png, axe-core on every page.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nurseJob } from './helpers/actors.ts';
import { emailedLink, expectNoSeriousViolations, launchChromium } from './helpers/browser.ts';
import { startSmtpServer } from './helpers/mail.ts';
import { startNodeServer } from './helpers/server.ts';

const PASSWORD = 'correct horse battery';

let server: Awaited<ReturnType<typeof startNodeServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // A busy machine (six engineers on two cores) can take minutes to start the server.
  server = await startNodeServer(
    { SMTP_URL: smtp.url, MAIL_FROM: 'Fitwork <no-reply@fitwork.example>' },
    { startupMs: 300_000 },
  );
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.remove();
  await smtp?.close();
});

async function call(path: string, input: unknown, cookie: string | null) {
  const response = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
  const text = await response.clone().text();
  expect(response.status, `${path}: ${text}`).toBe(200);
  return {
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie ?? '',
    data: ((await response.json()) as { result: { data: unknown } }).result.data,
  };
}

const tokenOf = (link: string) => /#token=([a-z0-9]+)/.exec(link)![1]!;

async function pageAs(cookie: string, viewport: { width: number; height: number }, timezoneId: string) {
  const context = await browser.newContext({ viewport, bypassCSP: true, timezoneId, locale: 'en-US' });
  await context.addCookies([{ name: 'session', value: cookie.split('=')[1]!, url: server.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function shot(page: Page, name: string) {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/interviews-${name}.png`, fullPage: true });
}

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

describe('interview scheduling in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`proposes from the board, the candidate confirms in their zone, the interviewer sees it (${viewport.name})`, async () => {
      const v = viewport.name;
      // The company: an owner who recruits, and an invited interviewer; a job and an applicant.
      const owner = await call(
        'auth.signUp',
        { userType: 'employer', email: `owner-${v}@acme.example`, password: PASSWORD, companyName: `Acme ${v}` },
        null,
      );
      await call(
        'auth.verifyEmail',
        { token: tokenOf(await emailedLink(smtp, `owner-${v}@acme.example`)) },
        owner.cookie,
      );
      const job = (await call('jobs.create', nurseJob, owner.cookie)).data as { id: number };
      await call('companies.invite', { email: `ivan-${v}@acme.example`, role: 'interviewer' }, owner.cookie);
      const interviewer = await call(
        'companies.acceptInvite',
        { token: tokenOf(await emailedLink(smtp, `ivan-${v}@acme.example`)), password: PASSWORD },
        null,
      );
      const seeker = await call(
        'auth.signUp',
        {
          userType: 'job_seeker',
          email: `nadia-${v}@example.com`,
          password: PASSWORD,
          firstName: 'Nadia',
          lastName: `Okafor${v}`,
        },
        null,
      );
      await call(
        'seekers.setResume',
        { text: 'Pediatric nurse with 6 years of patient care, medication administration and family education.' },
        seeker.cookie,
      );
      const application = (await call('applications.submit', { jobId: job.id, coverLetter: null }, seeker.cookie))
        .data as { id: number };

      // The recruiter, in Berlin, proposes 2 April 2030 10:00 from the applicant's panel.
      const board = await pageAs(owner.cookie, viewport, 'Europe/Berlin');
      await board.goto(`${server.url}/employer/jobs/${job.id}/pipeline`);
      await board.getByRole('button', { name: /^Open Nadia/ }).click();
      const panel = board.locator('.pipeline-panel');
      const scheduling = panel.getByRole('region', { name: 'Interview' });
      await scheduling.getByText('your time zone: Europe/Berlin').waitFor();
      await scheduling.getByLabel('Day 1').fill('2030-04-02');
      await scheduling.getByLabel('Start 1').fill('10:00');
      await scheduling.getByLabel(`ivan-${v}@acme.example (interviewer)`).check();
      await scheduling.getByLabel('Video link (optional, https://)').fill('https://meet.example.com/acme-nurse');
      await expectNoSeriousViolations(board);
      await shot(board, `${v}-1-propose`);
      await scheduling.getByRole('button', { name: 'Propose times' }).click();
      await scheduling.getByText('Times proposed').waitFor();
      await scheduling.getByText('Tuesday, April 2, 2030, 10:00 AM – 11:00 AM').waitFor();
      await shot(board, `${v}-2-proposed`);

      // The candidate, in New York, sees 4:00 AM their time, and confirms it.
      const candidate = await pageAs(seeker.cookie, viewport, 'America/New_York');
      await candidate.goto(`${server.url}/me/applications`);
      const offer = candidate.getByRole('region', { name: 'Interview' });
      await offer.getByText('shown in your time zone, America/New_York').waitFor();
      await offer.getByLabel('Tuesday, April 2, 2030, 4:00 AM – 5:00 AM').check();
      await expectNoSeriousViolations(candidate);
      await shot(candidate, `${v}-3-offer`);
      await offer.getByRole('button', { name: 'Confirm this time' }).click();
      await offer.getByText('Interview: Scheduled').waitFor();
      await offer.getByText('Tuesday, April 2, 2030, 4:00 AM – 5:00 AM (America/New_York)').waitFor();
      await shot(candidate, `${v}-4-scheduled`);

      // The invitation reached the candidate's mailbox with its calendar part.
      const deadline = Date.now() + 15_000;
      while (
        !smtp.received.some(
          (m) => m.subject?.startsWith('Scheduled:') && (m.to as { text: string }).text === `nadia-${v}@example.com`,
        )
      ) {
        if (Date.now() > deadline) throw new Error('no invitation email');
        await new Promise((r) => setTimeout(r, 200));
      }

      // The interviewer's page lists it, and the calendar link serves it.
      const mine = await pageAs(interviewer.cookie, viewport, 'Europe/Berlin');
      await mine.goto(`${server.url}/employer/interviews`);
      await mine.getByRole('heading', { name: 'My interviews' }).waitFor();
      await mine.getByText(`Pediatric Nurse — Nadia Okafor${v}`).waitFor();
      await mine.getByText('Tuesday, April 2, 2030, 10:00 AM – 11:00 AM').waitFor();
      await mine.getByRole('button', { name: 'Get my calendar link' }).click();
      const url = await mine.getByLabel(/^Your calendar link/).inputValue();
      expect(url).toMatch(/\/calendar\/[a-z2-7]{52}\.ics$/);
      await expectNoSeriousViolations(mine);
      await shot(mine, `${v}-5-my-interviews`);
      const feed = await fetch(`${server.url}${new URL(url).pathname}`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('DTSTART:20300402T080000Z');

      // Not the owner's to see for another company: a rival hears NOT_FOUND.
      const rival = await call(
        'auth.signUp',
        { userType: 'employer', email: `rival-${v}@rival.example`, password: PASSWORD, companyName: `Rival ${v}` },
        null,
      );
      const refused = await fetch(
        `${server.url}/trpc/interviews.forApplication?input=${encodeURIComponent(JSON.stringify({ applicationId: application.id }))}`,
        { headers: { cookie: rival.cookie } },
      );
      expect(refused.status).toBe(404);
      for (const page of [board, candidate, mine]) await page.context().close();
    }, 240_000);
  }
});
