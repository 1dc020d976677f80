/**
 * A hiring team in a real Chromium against the Node entry with the demo data and a real SMTP
 * server: the owner invites a recruiter and an interviewer from the Team page; the recruiter
 * joins with a new account from the emailed link, the interviewer with their existing one; the
 * interviewer (assigned to an interview, written straight into the data folder before the
 * server starts, as `interviews.propose` would) leaves a scorecard from the Feedback page; the
 * recruiter reads it beside the application on the board. At 1366x900 and 390x844, screenshots
 * in test-results/teams-*.png, axe-core on every page.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/client.ts';
import { applications, interviewInterviewers, interviews, jobs, jobSeekers, users } from '../db/schema.ts';
import { signUp } from '../server/auth/accounts.ts';
import { createNodePasswordHasher } from '../server/auth/node-passwords.ts';
import { createProviders } from '../server/providers.ts';
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { DEMO_PASSWORD } from '../server/seed/demo-seekers.ts';
import { seedIfEmpty } from '../server/seed/seed.ts';
import { emailedLink, expectNoSeriousViolations, launchChromium } from './helpers/browser.ts';
import { startSmtpServer } from './helpers/mail.ts';
import { startNodeServer } from './helpers/server.ts';

const OWNER = DEMO_EMPLOYERS[0]!.email;
const PASSWORD = 'a team passphrase 2026';
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const recruiterOf = (v: string) => `rita-${v}@team.example`;
const interviewerOf = (v: string) => `ivan-${v}@team.example`;

let server: Awaited<ReturnType<typeof startNodeServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;
/** The application the interviewers are assigned to: the owner's first job with an applicant. */
let assigned: { jobId: number; candidate: string };

/**
 * The demo data, and for each viewport an interviewer's own (empty) employer account assigned
 * to an interview of one of the owner's applications; written before the server starts.
 */
async function preparedDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jobs-teams-'));
  const opened = await openPglite({ dataDir });
  try {
    const passwords = await createNodePasswordHasher();
    await seedIfEmpty(opened.db, passwords, createProviders(), { demoData: true });
    const db = opened.db;
    const [row] = await db
      .select({
        applicationId: applications.id,
        jobId: jobs.id,
        first: jobSeekers.firstName,
        last: jobSeekers.lastName,
      })
      .from(applications)
      .innerJoin(jobs, eq(jobs.id, applications.jobId))
      .innerJoin(jobSeekers, eq(jobSeekers.id, applications.jobSeekerId))
      .innerJoin(users, eq(users.id, jobs.employerId))
      .where(and(eq(users.email, OWNER), isNotNull(applications.jobSeekerId)))
      .orderBy(asc(jobs.id), asc(applications.id))
      .limit(1);
    if (!row) throw new Error('the first demo employer has no applicant');
    assigned = { jobId: row.jobId, candidate: `${row.first} ${row.last}` };
    const [interview] = await db
      .insert(interviews)
      .values({ applicationId: row.applicationId, timeZone: 'America/New_York', uid: 'teams-browser@fitwork.test' })
      .returning({ id: interviews.id });
    for (const viewport of VIEWPORTS) {
      const { user } = await signUp(
        db,
        passwords,
        { userType: 'employer', email: interviewerOf(viewport.name), password: PASSWORD, companyName: 'Freelance' },
        { ip: null, now: new Date() },
      );
      await db.insert(interviewInterviewers).values({ interviewId: interview!.id, userId: user.id });
    }
  } finally {
    await opened.close();
  }
  return dataDir;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startNodeServer(
    { DATA_DIR: await preparedDataDir(), SMTP_URL: smtp.url, MAIL_FROM: 'Fitwork <no-reply@fitwork.example>' },
    { startupMs: 300_000 },
  );
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.remove();
  await smtp?.close();
});

async function open(viewport: { width: number; height: number }): Promise<Page> {
  // bypassCSP: the app's CSP (script-src 'self') would refuse the injected axe-core.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

async function shot(page: Page, name: string) {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/teams-${name}.png`, fullPage: true });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * On a phone the navigation folds behind the menu button. The signed-in links exist once the
 * session has loaded (hidden in the closed menu on a phone): wait for them before choosing.
 */
async function navigate(page: Page, name: string) {
  await page.getByRole('link', { name, exact: true, includeHidden: true }).waitFor({ state: 'attached' });
  const link = page.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.click();
}

describe('a hiring team in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`invites, joins, leaves feedback and reads it (${viewport.name})`, async () => {
      const v = viewport.name;
      const pages: Page[] = [];
      try {
        await journey(v, viewport, pages);
      } catch (error) {
        // What each page showed when it failed, for whoever reads the failure.
        for (const [i, page] of pages.entries()) await shot(page, `${v}-failed-${i}`).catch(() => {});
        throw error;
      } finally {
        for (const page of pages) await page.context().close();
      }
    }, 300_000);
  }
});

async function journey(v: string, viewport: { width: number; height: number }, pages: Page[]) {
  const owner = await open(viewport);
  pages.push(owner);
  await signIn(owner, OWNER, DEMO_PASSWORD);
  await navigate(owner, 'Team');
  await owner.getByRole('heading', { name: 'Members' }).waitFor();
  for (const [email, role] of [
    [recruiterOf(v), 'recruiter'],
    [interviewerOf(v), 'interviewer'],
  ] as const) {
    await owner.getByLabel('Email').fill(email);
    await owner.getByLabel('Role', { exact: true }).selectOption(role);
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByRole('cell', { name: email, exact: true }).waitFor();
  }
  // The only owner cannot make themselves a recruiter: the rule is a sentence.
  await owner.getByLabel(`Role of ${OWNER}`).selectOption('recruiter');
  await owner.getByText('A company needs an owner: make another member owner first.').waitFor();
  expect(await owner.getByLabel(`Role of ${OWNER}`).inputValue()).toBe('owner');
  await expectNoSeriousViolations(owner);
  await shot(owner, `${v}-1-team`);

  // The recruiter joins with a new account from the emailed link.
  const recruiter = await open(viewport);
  pages.push(recruiter);
  await recruiter.goto(await emailedLink(smtp, recruiterOf(v)));
  await recruiter.getByLabel('Password for your new account').fill(PASSWORD);
  await recruiter.getByRole('button', { name: 'Join the team' }).click();
  await recruiter.getByText('You are a member of the team.').waitFor();

  // The interviewer signs in with their own account, then follows the link.
  const interviewer = await open(viewport);
  pages.push(interviewer);
  await signIn(interviewer, interviewerOf(v), PASSWORD);
  await interviewer.goto(await emailedLink(smtp, interviewerOf(v)));
  await interviewer.getByRole('button', { name: 'Join the team' }).click();
  await interviewer.getByText('You are a member of the team.').waitFor();
  await interviewer.goto(`${server.url}/`);
  await navigate(interviewer, 'Feedback');
  const card = interviewer.getByRole('region', { name: 'Scorecards' });
  await interviewer.getByRole('heading', { name: new RegExp(assigned.candidate) }).waitFor();
  // The heading comes with the list; the form with the panel's own query, a moment later:
  // count its fieldsets only once it is there.
  await card.getByRole('button', { name: 'Submit scorecard' }).waitFor();
  const ratings = card.locator('fieldset.rating');
  const skillCount = (await ratings.count()) - 1;
  expect(skillCount).toBeGreaterThan(0);
  for (let i = 0; i < skillCount; i++)
    await ratings
      .nth(i)
      .getByLabel(/^3 Good/)
      .check();
  await card.getByLabel('Yes', { exact: true }).check();
  await card.getByLabel(/^Notes/).fill(`Clear answers on triage (${v}).`);
  await card.getByRole('button', { name: 'Submit scorecard' }).click();
  await card.getByText('Scorecard saved.').waitFor();
  await expectNoSeriousViolations(interviewer);
  await shot(interviewer, `${v}-2-feedback`);

  // The recruiter reads it beside the application on the board.
  await recruiter.goto(`${server.url}/employer/jobs/${assigned.jobId}/pipeline`);
  await recruiter.getByRole('button', { name: new RegExp(`^Open ${assigned.candidate}`) }).click();
  const panel = recruiter.locator('.pipeline-panel');
  const scorecards = panel.getByRole('region', { name: 'Scorecards' });
  await scorecards.getByText(`Clear answers on triage (${v}).`).waitFor();
  await scorecards.getByText(interviewerOf(v)).waitFor();
  await scorecards.getByText(/scorecards?: .*yes/).waitFor();
  await expectNoSeriousViolations(recruiter);
  await shot(recruiter, `${v}-3-recruiter`);

  // The recruiter closes the application (on a phone it covers the menu) and reads the team, and cannot change it.
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await navigate(recruiter, 'Team');
  await recruiter.getByRole('cell', { name: interviewerOf(v), exact: true }).waitFor();
  expect(await recruiter.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
  expect(await recruiter.getByLabel(`Role of ${OWNER}`).count()).toBe(0);
}
