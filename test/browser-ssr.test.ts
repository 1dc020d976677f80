/**
 * The server-rendered pages in Chromium against the Node entry (`npm start` with the demo data):
 * readable without JavaScript; with it, hydrated in place under the strict CSP, without console
 * errors and without asking again for the search or the job the HTML already holds.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserWorld, expectNoSeriousViolations } from './helpers/browser.ts';

const world = browserWorld({ env: { SEED_DEMO_DATA: 'true' }, startupMs: 240_000, timeoutMs: 300_000 });

let jobId: number;
let companyId: number;

beforeAll(async () => {
  const search = await fetch(
    `${world.server.url}/trpc/jobs.search?input=${encodeURIComponent('{"q":"nurse","limit":1}')}`,
  );
  jobId = ((await search.json()) as { result: { data: { items: { id: number }[] } } }).result.data.items[0]!.id;
  const job = await fetch(
    `${world.server.url}/trpc/jobs.get?input=${encodeURIComponent(JSON.stringify({ id: jobId }))}`,
  );
  companyId = ((await job.json()) as { result: { data: { employer: { id: number } } } }).result.data.employer.id;
}, 300_000);

/** A page (real CSP: no bypass), with what it asked the API for and every console error. */
async function visit(path: string, options: { javaScript?: boolean } = {}) {
  const context = await world.browser.newContext({
    viewport: { width: 1200, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const procedures: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/trpc/')) procedures.push(...decodeURIComponent(url.pathname.slice(6)).split(','));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${world.server.url}${path}`, { waitUntil: 'networkidle' });
  return { page, context, procedures, errors, status: response?.status() };
}

async function screenshotOnFailure(page: Page, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: `test-results/ssr-${name}.png`, fullPage: true }).catch(() => {});
    throw error;
  }
}

describe('server-rendered pages in a browser', () => {
  it('shows a job without JavaScript', async () => {
    const { page, context, status } = await visit(`/jobs/${jobId}`, { javaScript: false });
    expect(status).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Nurse/i);
    await expect(page.locator('.job-page section').first().textContent()).resolves.toContain('About the job');
    await context.close();
  });

  it('hydrates a job page without asking for the job again and without console errors', async () => {
    const { page, context, procedures, errors } = await visit(`/jobs/${jobId}`);
    await screenshotOnFailure(page, 'job', async () => {
      expect(errors).toEqual([]);
      expect(procedures).not.toContain('jobs.get');
      expect(procedures).not.toContain('jobs.search');
      // One JSON-LD: the server's; the page's own effect does not add a second.
      expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
      // Hydrated: a link is the router's, so following it does not load a new document.
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      const marker = await page.evaluate(() => {
        (window as unknown as { hydratedMarker: number }).hydratedMarker = 1;
        return 1;
      });
      await page.getByRole('link', { name: 'Jobs', exact: true }).click();
      await page.waitForURL(/\/jobs$/);
      expect(await page.evaluate(() => (window as unknown as { hydratedMarker?: number }).hydratedMarker)).toBe(marker);
      // The router's /jobs asks for its search itself: the first card appears when it answers.
      await page.locator('.job-card').first().waitFor();
      expect(errors).toEqual([]);
    });
    await context.close();
  });

  it('hydrates the search page from its HTML: results shown, no second search, the box works', async () => {
    const { page, context, procedures, errors } = await visit('/jobs?q=nurse');
    await screenshotOnFailure(page, 'search', async () => {
      expect(errors).toEqual([]);
      expect(procedures).not.toContain('jobs.search');
      expect(await page.locator('.job-card').count()).toBeGreaterThan(0);
      // Hydrated: the box drives the URL (and the results) as one types.
      await page.locator('#q').fill('teacher');
      await page.waitForURL(/\/jobs\?q=teacher$/);
      expect(errors).toEqual([]);
    });
    await context.close();
  });

  it('hydrates the start page and the company page without refetching what they show', async () => {
    for (const path of ['/', `/companies/${companyId}`]) {
      const { page, context, procedures, errors } = await visit(path);
      await screenshotOnFailure(page, path === '/' ? 'start' : 'company', async () => {
        expect(errors, path).toEqual([]);
        expect(procedures, path).not.toContain('jobs.search');
        expect(procedures, path).not.toContain('companies.get');
      });
      await context.close();
    }
    const start = await visit('/');
    await start.page.getByLabel('Search jobs').fill('nurse');
    await start.page.getByRole('button', { name: 'Search jobs' }).click();
    await start.page.waitForURL(/\/jobs\?q=nurse$/);
    expect(start.errors).toEqual([]);
    await start.context.close();
  });

  it('searches from a box typed in before the script arrives, with or without it', async () => {
    for (const [path, box] of [
      ['/jobs', '#q'],
      ['/', '#landing-q'],
    ] as const) {
      const { page, context } = await visit(path, { javaScript: false });
      await screenshotOnFailure(page, `no-script-search${path === '/' ? '-start' : ''}`, async () => {
        await page.locator(box).fill('nurse');
        await page.locator(box).press('Enter');
        await page.waitForURL(/\/jobs\?q=nurse$/);
        expect(await page.locator('.job-card').count()).toBeGreaterThan(0);
      });
      await context.close();
    }

    // A slow phone: the page is shown, the newcomer types, and only then does the script run.
    const context = await world.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    let releaseScripts!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => {
      releaseScripts = resolve;
    });
    await page.route('**/*.js', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto(`${world.server.url}/jobs`, { waitUntil: 'commit' });
    await screenshotOnFailure(page, 'typed-before-script', async () => {
      await page.locator('#q').fill('python');
      releaseScripts();
      // Hydrated, the page searches for what was already in the box, without another key pressed.
      await page.waitForURL(/\/jobs\?q=python$/);
      await expect.poll(() => page.locator('#q').inputValue()).toBe('python');
      await page.locator('.job-card').first().waitFor();
    });
    await context.close();
  });

  it('answers an unknown job with a 404 page; a job page passes axe-core', async () => {
    const { page, context, status, errors } = await visit('/jobs/999999');
    expect(status).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
    const checked = await world.browser.newContext({ bypassCSP: true });
    const axePage = await checked.newPage();
    await axePage.goto(`${world.server.url}/jobs/${jobId}`, { waitUntil: 'networkidle' });
    await expectNoSeriousViolations(axePage);
    await checked.close();
  });
});
