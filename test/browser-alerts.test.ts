/**
 * Saved jobs and job alerts in a real Chromium against the Node entry with the demo data: a
 * seeker saves a job from the search results, finds it on the saved-jobs page and on the job's
 * page, creates an alert from a search, sees it on the alerts page and sets the new-match
 * threshold. At 1366x900 and 390x844, axe-core on every page, screenshots in
 * test-results/alerts-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserWorld, expectNoSeriousViolations, screenshot } from './helpers/browser.ts';

const world = browserWorld({ env: { SEED_DEMO_DATA: 'true' }, startupMs: 240_000, timeoutMs: 300_000 });

const shot = (page: Page, name: string) => screenshot(page, `alerts-${name}`);

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900, seeker: 'dev.patel@example.com' },
  { name: 'phone', width: 390, height: 844, seeker: 'aisha.khan@example.com' },
];

describe('saved jobs and alerts in a browser', { timeout: 120_000 }, () => {
  for (const viewport of VIEWPORTS) {
    it(`saves a job, lists it, and creates an alert from a search (${viewport.name})`, async () => {
      const context = await world.browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      try {
        await page.goto(`${world.server.url}/signin`);
        await page.getByLabel('Email').fill(viewport.seeker);
        await page.getByLabel('Password').fill('demo-password-2026');
        await page.getByRole('button', { name: 'Sign in' }).click();
        // The phone folds the navigation (and its Sign out) behind Menu: leaving /signin says it worked.
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

        await page.goto(`${world.server.url}/jobs?q=analyst`);
        const first = page.locator('.job-card').first();
        const title = (await first.locator('.job-title').innerText()).trim();
        await first.getByRole('button', { name: `Save: ${title}` }).click();
        await first.getByRole('button', { name: `Saved: ${title}` }).waitFor();
        expect(await first.getByRole('button', { name: `Saved: ${title}` }).getAttribute('aria-pressed')).toBe('true');

        await page.getByLabel('Get alerts for this search').selectOption('weekly');
        await shot(page, `${viewport.name}-1-search`);
        await expectNoSeriousViolations(page);
        await page.getByRole('button', { name: 'Create alert' }).click();
        await page.getByText('Alert created: new jobs for “analyst” will be emailed to you.').waitFor();

        await page.goto(`${world.server.url}/me/saved`);
        await page.getByRole('heading', { name: 'Saved jobs' }).waitFor();
        await page.locator('.saved-card').getByRole('link', { name: title }).waitFor();
        await shot(page, `${viewport.name}-2-saved`);
        await expectNoSeriousViolations(page);

        await page.locator('.saved-card').getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('button', { name: `Saved: ${title}` }).waitFor();
        await shot(page, `${viewport.name}-3-job`);

        await page.goto(`${world.server.url}/me/alerts`);
        const alert = page.locator('.alert-card', { hasText: '“analyst”' });
        await alert.getByText(/Weekly email/).waitFor();
        await page.getByLabel('Only matches of at least (%)').fill('80');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        await shot(page, `${viewport.name}-4-alerts`);
        await expectNoSeriousViolations(page);
        await page.reload();
        expect(await page.getByLabel('Only matches of at least (%)').inputValue()).toBe('80');

        await alert.getByRole('button', { name: 'Delete the alert analyst' }).click();
        await page.getByText('No job alerts yet').waitFor();
      } catch (error) {
        await shot(page, `${viewport.name}-failure`).catch(() => {});
        throw error;
      } finally {
        await context.close();
      }
    });
  }
});
