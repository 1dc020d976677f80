/**
 * Consent and invitations in a real Chromium against the Node entry with the demo data: a
 * seeker says yes to being found on the match feed; the employer sees them only as an anonymous
 * candidate, invites them; the seeker accepts, lands on the apply form and applies; the
 * employer then sees who they are. At 1366x900 and 390x844, screenshots in
 * test-results/invitations-*.png, axe-core on every page.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/client.ts';
import { createNodePasswordHasher } from '../server/auth/node-passwords.ts';
import { createProviders } from '../server/providers.ts';
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { seedIfEmpty } from '../server/seed/seed.ts';
import { DEMO_PASSWORD, DEMO_SEEKERS } from '../server/seed/demo-seekers.ts';
import { expectNoSeriousViolations, launchChromium } from './helpers/browser.ts';
import { startNodeServer } from './helpers/server.ts';

let server: Awaited<ReturnType<typeof startNodeServer>>;
let browser: Browser;

/**
 * The demo data seeded here, in-process, before the server starts: the server's own first start
 * seeds too, but must answer /health within the helper's 60 s, which a busy machine misses.
 */
async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jobs-invitations-'));
  const opened = await openPglite({ dataDir });
  try {
    await seedIfEmpty(opened.db, await createNodePasswordHasher(), createProviders(), { demoData: true });
  } finally {
    await opened.close();
  }
  return dataDir;
}

beforeAll(async () => {
  server = await startNodeServer({ DATA_DIR: await seededDataDir() }, { startupMs: 300_000 });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.remove();
});

/** tRPC over HTTP as one demo account, for the set-up a test does not click through. */
async function apiAs(email: string) {
  const response = await fetch(`${server.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const call = async (path: string, input?: unknown, method: 'GET' | 'POST' = 'POST') => {
    const query = method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const answer = await fetch(`${server.url}/trpc/${path}${query}`, {
      method,
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      ...(method === 'POST' ? { body: JSON.stringify(input ?? null) } : {}),
    });
    const body = (await answer.json()) as { result?: { data: unknown } };
    expect(answer.status, JSON.stringify(body)).toBe(200);
    return body.result!.data;
  };
  return call;
}

async function open(viewport: { width: number; height: number }): Promise<Page> {
  // bypassCSP: the app's CSP (script-src 'self') would refuse the injected axe-core.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function shot(page: Page, name: string) {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/invitations-${name}.png`, fullPage: true });
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * The seeker's best job they have not applied to, its employer, and every other demo seeker
 * hidden, so the one anonymous candidate the employer sees is this seeker.
 */
async function prepare(seekerEmail: string) {
  for (const other of DEMO_SEEKERS.filter((s) => s.email !== seekerEmail)) {
    await (await apiAs(other.email))('seekers.setVisibility', { visibleToEmployers: false });
  }
  const seeker = await apiAs(seekerEmail);
  await seeker('seekers.setVisibility', { visibleToEmployers: false });
  const feed = (await seeker('matches.forMe', { limit: 50 }, 'GET')) as {
    items: { jobId: number; applied: boolean; overallScore: number; job: { title: string; companyName: string } }[];
  };
  const match = feed.items.find((m) => !m.applied && m.overallScore >= 0.3);
  if (!match) throw new Error(`no open match for ${seekerEmail}`);
  const employer = DEMO_EMPLOYERS.find((e) => e.companyName === match.job.companyName)!;
  return { jobId: match.jobId, title: match.job.title, employerEmail: employer.email };
}

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900, seeker: DEMO_SEEKERS[0]! },
  { name: 'phone', width: 390, height: 844, seeker: DEMO_SEEKERS[1]! },
];

describe('consent and invitations in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`a seeker becomes findable, is invited anonymously, accepts and applies (${viewport.name})`, async () => {
      const { seeker: person } = viewport;
      const { jobId, title, employerEmail } = await prepare(person.email);
      const seeker = await open(viewport);
      const employer = await open(viewport);
      try {
        // The seeker says yes on the match feed, in plain words.
        await signIn(seeker, person.email);
        await seeker.goto(`${server.url}/me/matches`);
        const consent = seeker.getByRole('region', { name: 'Can employers find you?' });
        await consent.getByText('No, you are hidden.').waitFor();
        await consent.getByRole('button', { name: 'Yes, let employers find me' }).click();
        await consent.getByText('Yes, employers can find you, anonymously.').waitFor();
        await expectNoSeriousViolations(seeker);
        await shot(seeker, `${viewport.name}-1-consent`);

        // The employer sees an anonymous candidate, with nothing that names them, and invites them.
        await signIn(employer, employerEmail);
        await employer.goto(`${server.url}/employer/jobs/${jobId}`);
        const card = employer.locator('.candidate-card', { hasText: 'anonymous' });
        await card.first().waitFor();
        expect(await card.count()).toBe(1);
        const cardText = await card.innerText();
        for (const identifying of [person.firstName, person.lastName, person.email, person.phone ?? '']) {
          if (identifying) expect(cardText).not.toContain(identifying);
        }
        await card.getByRole('button', { name: 'Invite to apply' }).click();
        await card.getByLabel(/^Message to Candidate/).fill('Your experience fits this role well. Would you apply?');
        await card.getByRole('button', { name: 'Send invitation' }).click();
        await card.getByText('Invited, no answer yet').waitFor();
        await expectNoSeriousViolations(employer);
        await shot(employer, `${viewport.name}-2-invited`);

        // The seeker reads it, accepts, lands on the apply form and applies.
        await seeker.goto(`${server.url}/me/matches`);
        const invitations = seeker.getByRole('region', { name: 'Invitations to apply' });
        const invitation = invitations.locator('.invitation-card', { hasText: title });
        await invitation.getByText('Your experience fits this role well. Would you apply?').waitFor();
        await expectNoSeriousViolations(seeker);
        await shot(seeker, `${viewport.name}-3-invitation`);
        await invitation.getByRole('button', { name: 'Accept and apply' }).click();
        await seeker.waitForURL(`**/jobs/${jobId}#apply`);
        await seeker.getByRole('button', { name: 'Apply for this job' }).click();
        await seeker.getByText(/You applied on/).waitFor();
        await shot(seeker, `${viewport.name}-4-applied`);

        // Now, and only now, the employer sees who they are.
        await employer.reload();
        const named = employer.locator('.candidate-card', { hasText: `${person.firstName} ${person.lastName}` });
        await named.getByText('Accepted your invitation').waitFor();
        await expectNoSeriousViolations(employer);
        await shot(employer, `${viewport.name}-5-revealed`);
      } finally {
        await seeker.context().close();
        await employer.context().close();
      }
    }, 180_000);
  }
});
