/**
 * The account emails in a real Chromium against the Node entry, with SMTP_URL pointing at an
 * SMTP server in this process: an employer signs up, sees the banner, follows the verification
 * link from the email; forgets the password and sets a new one from the reset email (the old
 * session ends); changes the email address from the account page. At 1366x900 and 390x844,
 * with screenshots in test-results/email-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserWorld, emailedLink, screenshot, VIEWPORTS } from './helpers/browser.ts';

const world = browserWorld({ mail: true });

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a fresh passphrase 2026';

const shot = (page: Page, name: string) => screenshot(page, `email-${name}`);

describe('account emails in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`verifies, resets and changes the address from the emails (${viewport.name})`, async () => {
      const email = `hiring-${viewport.name}@lakeside.example`;
      const context = await world.browser.newContext({ viewport });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await page.goto(`${world.server.url}/signup`);
        await page.getByLabel('hiring').check();
        await page.getByLabel('Company name').fill('Lakeside Clinic');
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.waitForURL('**/employer/jobs');
        const banner = page.getByRole('region', { name: 'Email confirmation' });
        await banner.getByText('Confirm your email address to publish jobs').waitFor();
        await shot(page, `${viewport.name}-1-banner`);

        const verifyLink = await emailedLink(world.smtp, email, 'Confirm your email address for Fitwork');
        expect(verifyLink.startsWith(`${world.server.url}/verify-email#token=`)).toBe(true);
        await page.goto(verifyLink);
        await page.getByText('Your email address is confirmed').waitFor();
        // The token left the address bar and never reached the server's log.
        expect(page.url()).toBe(`${world.server.url}/verify-email`);
        await shot(page, `${viewport.name}-2-verified`);
        await page.getByRole('link', { name: 'Continue' }).click();
        await page.getByRole('link', { name: 'Post a job' }).first().waitFor();
        expect(await banner.count()).toBe(0);

        // Forgotten password, from another browser; the first one's session ends with the reset.
        const other = await (await world.browser.newContext({ viewport })).newPage();
        other.setDefaultTimeout(15_000);
        await other.goto(`${world.server.url}/signin`);
        await other.getByRole('link', { name: 'Forgot your password?' }).click();
        await other.getByLabel('Email').fill(email);
        await other.getByRole('button', { name: 'Send me a link' }).click();
        await other.getByText('If an account uses this address').waitFor();
        await shot(other, `${viewport.name}-3-forgot`);
        await other.goto(await emailedLink(world.smtp, email, 'Reset your Fitwork password'));
        await other.getByLabel('New password').fill(NEW_PASSWORD);
        await shot(other, `${viewport.name}-4-reset-form`);
        await other.getByRole('button', { name: 'Set the new password' }).click();
        await other.getByText('Your password is changed').waitFor();
        await shot(other, `${viewport.name}-5-reset-done`);
        await other.getByRole('link', { name: 'Sign in' }).last().click();
        await other.getByLabel('Email').fill(email);
        await other.getByLabel('Password').fill(NEW_PASSWORD);
        await other.getByRole('button', { name: 'Sign in' }).click();
        await other.waitForURL('**/employer/jobs');
        await page.goto(`${world.server.url}/account`);
        await page.waitForURL('**/signin');

        // Email change from the account page, confirmed at the new address.
        const newEmail = `talent-${viewport.name}@lakeside.example`;
        await other.goto(`${world.server.url}/account`);
        await other.getByLabel('New email address').fill(newEmail);
        await other.locator('#emailPassword').fill(NEW_PASSWORD);
        await other.getByRole('button', { name: 'Change email address' }).click();
        await other.getByText('Check the new address').waitFor();
        await shot(other, `${viewport.name}-6-change-email`);
        await other.goto(await emailedLink(world.smtp, newEmail, 'Confirm your new email address for Fitwork'));
        await other.getByText(`Your account now uses ${newEmail}`).waitFor();
        await shot(other, `${viewport.name}-7-email-changed`);
        expect(
          world.smtp.received.some(
            (m) =>
              m.subject === 'Your Fitwork email address is being changed' && (m.to as { text: string }).text === email,
          ),
        ).toBe(true);
      } catch (error) {
        await shot(page, `${viewport.name}-failure`).catch(() => {});
        throw error;
      } finally {
        await context.close();
      }
      // No token of any email reached the server's request log.
      const tokens = world.smtp.received.flatMap((m) =>
        [...(m.text ?? '').matchAll(/#token=([a-z0-9]+)/g)].map((x) => x[1]!),
      );
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) expect(world.server.output()).not.toContain(token);
    }, 120_000);
  }
});
