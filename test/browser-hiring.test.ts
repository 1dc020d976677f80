/**
 * Issue 16 in a real Chromium against the Node entry: a seeker uploads a DOCX and applies; the
 * employer opens the pipeline board, moves the card by drag and drop, opens the applicant's
 * panel, reads the parsed resume, downloads the exact original, writes a note and rejects with
 * a reason and a message, which the seeker reads in the tracker. Over HTTP: another employer
 * hears NOT_FOUND, a later resume does not change the snapshot, erasure removes file and
 * snapshot. At 1366x900 and 390x844, screenshots in test-results/hiring-*.png.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nurseJob } from './helpers/actors.ts';
import { browserWorld, emailedLink, expectNoSeriousViolations, screenshot, VIEWPORTS } from './helpers/browser.ts';

const world = browserWorld({ mail: true });

const PASSWORD = 'correct horse battery';
const DOCX_PATH = 'test/fixtures/parsing/files/home-health-nurse.docx';

/** A signed-in caller over HTTP, as the SPA calls the API. */
async function account(body: Record<string, unknown>) {
  const call = async (path: string, input: unknown, cookie: string, method: 'GET' | 'POST') => {
    const url =
      method === 'GET' && input !== undefined
        ? `${world.server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
        : `${world.server.url}/trpc/${path}`;
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', origin: world.server.url, cookie },
      ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
    });
    return {
      status: response.status,
      json: (await response.json()) as { result?: { data: unknown }; error?: { data: { code: string } } },
    };
  };
  const signUp = await fetch(`${world.server.url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: world.server.url },
    body: JSON.stringify({ ...body, password: PASSWORD }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
  return {
    cookie,
    token: cookie.split('=')[1]!,
    query: (path: string, input: unknown) => call(path, input, cookie, 'GET'),
    mutate: (path: string, input: unknown) => call(path, input, cookie, 'POST'),
  };
}

const shot = (page: Page, name: string) => screenshot(page, `hiring-${name}`);

async function pageAs(session: { token: string }, viewport: { width: number; height: number }) {
  const context = await world.browser.newContext({ viewport, bypassCSP: true, acceptDownloads: true });
  await context.addCookies([{ name: 'session', value: session.token, url: world.server.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function storedFiles(): Promise<string[]> {
  try {
    return (await readdir(join(world.server.dataDir, 'files'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

describe('the hiring loop in a browser', () => {
  for (const viewport of VIEWPORTS) {
    it(`applies with a DOCX, reviews it on the board, rejects with a reason (${viewport.name})`, async () => {
      const v = viewport.name;
      const employer = await account({ userType: 'employer', email: `hr-${v}@acme.example`, companyName: `Acme ${v}` });
      const token = /#token=([a-z0-9]+)/.exec(await emailedLink(world.smtp, `hr-${v}@acme.example`))![1];
      expect((await employer.mutate('auth.verifyEmail', { token })).status).toBe(200);
      const created = await employer.mutate('jobs.create', nurseJob);
      const jobId = (created.json.result!.data as { id: number }).id;
      const rival = await account({ userType: 'employer', email: `hr-${v}@rival.example`, companyName: `Rival ${v}` });
      const seeker = await account({
        userType: 'job_seeker',
        email: `rosa-${v}@example.com`,
        firstName: 'Rosalind',
        lastName: `Quartermaine${v}`,
      });
      const docx = new Uint8Array(await readFile(DOCX_PATH));

      // The seeker uploads the DOCX and applies from the job page.
      const seekerPage = await pageAs(seeker, viewport);
      await seekerPage.goto(`${world.server.url}/me/resume`);
      await seekerPage.setInputFiles('#resume-file', DOCX_PATH);
      await seekerPage
        .getByText(/home health/i)
        .first()
        .waitFor();
      await seekerPage.goto(`${world.server.url}/jobs/${jobId}`);
      await seekerPage.getByRole('button', { name: 'Apply for this job' }).click();
      await seekerPage.getByText(/You applied on/).waitFor();
      await shot(seekerPage, `${v}-1-applied`);

      // The employer's board: the card moves by drag and drop, then the panel.
      const board = await pageAs(employer, viewport);
      await board.goto(`${world.server.url}/employer/jobs/${jobId}/pipeline`);
      const card = board.locator('.pipeline-card', { hasText: 'Rosalind' });
      await card.waitFor();
      await expectNoSeriousViolations(board);
      await card.dragTo(board.locator('[data-column="reviewed"]'));
      await board.locator('[data-column="reviewed"] .pipeline-card', { hasText: 'Rosalind' }).waitFor();
      await shot(board, `${v}-2-board`);
      await board.getByRole('button', { name: /^Open Rosalind/ }).click();
      const panel = board.locator('.pipeline-panel');
      await panel.getByRole('heading', { name: 'Resume as sent' }).waitFor();
      await panel
        .getByText(/home health/i)
        .first()
        .waitFor();
      const [download] = await Promise.all([
        board.waitForEvent('download'),
        panel.getByRole('link', { name: /Download the original/ }).click(),
      ]);
      expect(new Uint8Array(await readFile((await download.path())!))).toEqual(docx);
      await panel.getByLabel('Add a note').fill('Strong home care background; call on Monday.');
      await panel.getByRole('button', { name: 'Save note' }).click();
      await panel.getByText('Strong home care background; call on Monday.').waitFor();
      await expectNoSeriousViolations(board);
      await shot(board, `${v}-3-panel`);
      await panel.getByRole('button', { name: 'Close' }).click();

      // Rejected with a reason and a message, by the card's button (the keyboard path).
      await board.getByRole('button', { name: /^Reject… Rosalind/ }).click();
      const dialog = board.getByRole('dialog');
      await dialog.getByLabel('Reason').selectOption('experience_level');
      await dialog.getByLabel(/Message to the candidate/).fill('Thank you; we chose someone with ICU years.');
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await board.locator('[data-column="rejected"] .pipeline-card', { hasText: 'Rosalind' }).waitFor();
      await shot(board, `${v}-4-rejected`);

      // The seeker reads the reason and the message in the tracker.
      await seekerPage.goto(`${world.server.url}/me/applications`);
      await seekerPage.getByText('Not selected: Experience level').waitFor();
      await seekerPage.getByText('Thank you; we chose someone with ICU years.').waitFor();
      await expectNoSeriousViolations(seekerPage);
      await shot(seekerPage, `${v}-5-tracker`);

      // Over HTTP: another employer hears NOT_FOUND for both; a later resume changes nothing sent.
      const applicationId = (
        (await seeker.query('applications.mine', undefined)).json.result!.data as { id: number }[]
      )[0]!.id;
      const fileUrl = `${world.server.url}/files/applications/${applicationId}/resume`;
      expect((await rival.query('applications.resume', { applicationId })).json.error!.data.code).toBe('NOT_FOUND');
      expect((await fetch(fileUrl, { headers: { cookie: rival.cookie } })).status).toBe(404);
      const sent = (await employer.query('applications.resume', { applicationId })).json.result!.data;
      await seeker.mutate('seekers.setResume', {
        text: 'Barista and shift lead for five years, espresso and latte art.',
      });
      expect((await employer.query('applications.resume', { applicationId })).json.result!.data).toEqual(sent);

      // Erasure removes the snapshot and the file.
      expect(await storedFiles()).toContain('resume');
      expect((await seeker.mutate('account.delete', { password: PASSWORD })).status).toBe(200);
      expect((await employer.query('applications.resume', { applicationId })).json.result!.data).toBeNull();
      expect((await fetch(fileUrl, { headers: { cookie: employer.cookie } })).status).toBe(404);
      expect(await storedFiles()).toEqual([]);
      await seekerPage.context().close();
      await board.context().close();
    }, 180_000);
  }
});
