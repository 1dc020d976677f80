/**
 * Issue 21 item 4: every page walked in Chromium at 1366×900 and 390×844, signed out, as a seeker,
 * an employer and an admin. Each page must have its heading, no serious or critical axe
 * violation, and no sideways scroll on the phone; a screenshot of each is left in
 * test-results/walk/ to look at. Also: a board whose deliveries are refused says so.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSeriousViolations, launchChromium } from './helpers/browser.ts';
import { startNodeServer } from './helpers/server.ts';

const DEMO_PASSWORD = 'demo-password-2026';
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

const WALK: { who: string; email: string | null; paths: string[] }[] = [
  {
    who: 'newcomer',
    email: null,
    paths: ['/', '/jobs?q=nurse', '/jobs/1', '/signin', '/signup', '/forgot-password', '/no-such-page'],
  },
  {
    who: 'seeker',
    email: 'maria.lopez@example.com',
    paths: ['/me/matches', '/me/resume', '/me/applications', '/me/saved', '/me/alerts', '/notifications', '/account'],
  },
  {
    who: 'employer',
    email: 'talent@northwindhealth.example',
    paths: [
      '/employer/jobs',
      '/employer/jobs/new',
      '/employer/jobs/1',
      '/employer/jobs/1/pipeline',
      '/employer/sources',
      '/audit',
    ],
  },
  {
    who: 'admin',
    email: 'admin@jobplatform.example',
    paths: ['/admin/skills', '/admin/experiments', '/admin/decisions', '/audit'],
  },
];

let server: Awaited<ReturnType<typeof startNodeServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startNodeServer({ SEED_DEMO_DATA: 'true' }, { startupMs: 240_000 });
  browser = await launchChromium();
  await mkdir('test-results/walk', { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.remove();
});

async function signedIn(viewport: { width: number; height: number }, email: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  if (email) {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  }
  return page;
}

/** What is wrong with the page as it stands, in words; empty when nothing is. */
async function problemsOf(page: Page, viewport: { width: number }): Promise<string[]> {
  const problems: string[] = [];
  try {
    await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('.skeleton, .skeleton-block'), null, { timeout: 20_000 });
  } catch {
    problems.push('no heading, or still loading after 20 s');
  }
  try {
    await expectNoSeriousViolations(page);
  } catch (error) {
    problems.push((error as Error).message.split('\n').slice(0, 3).join(' '));
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > viewport.width + 1) problems.push(`scrolls sideways (${wide} px wide)`);
  return problems;
}

it('every page, on both viewports, for everyone: a heading, no serious axe violation, no sideways scroll', async () => {
  const found: string[] = [];
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    for (const { who, email, paths } of WALK) {
      const page = await signedIn(viewport, email);
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        const problems = await problemsOf(page, viewport);
        const file = `${who}-${name}${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, '');
        await page.screenshot({ path: `test-results/walk/${file}.png`, fullPage: true });
        for (const problem of problems) found.push(`${who} ${name} ${path}: ${problem}`);
      }
      await page.context().close();
    }
  }
  expect(found).toEqual([]);
}, 900_000);

it('a board whose deliveries are refused says how many, why and what to check', async () => {
  const page = await signedIn(VIEWPORTS.desktop, 'jobs@brightpath.example');
  await page.goto(`${server.url}/employer/sources`);
  await page.getByLabel('Name').fill('Careers site');
  await page.getByRole('button', { name: 'Connect' }).click();
  const path = (await page.locator('.secret code').nth(1).innerText()).replace(server.url, '');
  const body = JSON.stringify({ '@type': 'JobPosting', title: 'Forged' });
  const forged = new Webhook(`whsec_${Buffer.from('f'.repeat(32)).toString('base64')}`);
  for (const id of ['msg_a', 'msg_b']) {
    const now = new Date();
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': forged.sign(id, now, body),
      },
      body,
    });
    expect(response.status).toBe(401);
  }
  await page.reload();
  const board = page.locator('section.panel', { hasText: 'Careers site' });
  await board.getByText('2 deliveries refused in the last 7 days').waitFor();
  await board.getByText(/2 deliveries: bad signature — check that the board signs with the current secret/).waitFor();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/walk/employer-desktop-sources-refused.png', fullPage: true });

  // Disconnecting asks in the page first; Cancel keeps the board.
  await board.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Disconnect this job board?' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await board.count()).toBe(1);
  await page.context().close();
}, 300_000);
