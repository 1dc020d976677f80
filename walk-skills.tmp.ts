import { chromium } from 'playwright-core';
import { RESUME_FIXTURES } from './test/fixtures/resumes.ts';
import { startNodeServer } from './test/helpers/server.ts';

const server = await startNodeServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [label, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await (await browser.newContext({ viewport })).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('First name').fill('Ana');
    await page.getByLabel('Last name').fill('Silva');
    await page.getByLabel('Email').fill(`ana-${label}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/me/resume');
    await page.getByLabel('Paste your resume').fill(RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text);
    await page.getByRole('button', { name: 'Save resume' }).click();
    await page.getByText('Resume saved.').waitFor();
    await page.getByRole('combobox', { name: 'Add a skill' }).fill('Pediatric Sedation Rounds');
    await page.getByRole('option', { name: /as your own skill/ }).waitFor();
    const skills = page.locator('section', { has: page.getByRole('heading', { name: 'Your skills' }) });
    await skills.screenshot({ path: `/tmp/skills-${label}-picker.png` });
    await page.getByRole('option', { name: /as your own skill/ }).click();
    await page.getByLabel('Level of Pediatrics').selectOption('expert');
    await page.getByRole('button', { name: 'Confirm Wound Care' }).click();
    await page.getByRole('button', { name: 'Save skills' }).click();
    await page.getByText('Saved. Your matches').waitFor();
    await skills.screenshot({ path: `/tmp/skills-${label}-saved.png` });
    await page.locator('#resume-file').setInputFiles({ name: 'resume.txt', mimeType: 'text/plain', buffer: Buffer.from(RESUME_FIXTURES.find((f) => f.id === 'elementary-teacher')!.text) });
    await page.getByText(/With your new resume/).waitFor();
    await skills.screenshot({ path: `/tmp/skills-${label}-changed.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(label, 'horizontal overflow px:', overflow);
  }
} finally {
  await browser.close();
  await server.remove();
}
