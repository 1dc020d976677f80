/**
 * The whole journey in a real Chromium (Debian's, driven by playwright-core) against the Node
 * entry: an employer posts a job, a seeker pastes a resume, sees the job in their matches with
 * its reasoning and applies, the employer moves them to interview, the seeker sees it; later the
 * seeker adds a skill of their own, corrects one, uploads another resume and sees what changed.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { browserWorld, emailedLink, expectNoSeriousViolations } from './helpers/browser.ts';
import { startNodeServer } from './helpers/server.ts';

// A real SMTP server receives the account emails: an employer verifies their address before posting.
const world = browserWorld({ mail: true });

const PASSWORD = 'correct horse battery';

const pages: Record<string, Page> = {};

/** Runs a step; on failure leaves a screenshot of every open page in test-results/. */
async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
    for (const page of Object.values(pages)) await expectNoSeriousViolations(page);
  } catch (error) {
    await mkdir('test-results', { recursive: true });
    for (const [who, page] of Object.entries(pages))
      await page.screenshot({ path: `test-results/${name}-${who}.png`, fullPage: true }).catch(() => {});
    throw error;
  }
}

async function newPage(who: string) {
  // bypassCSP: the app's CSP (script-src 'self') would refuse the injected axe-core.
  const context = await world.browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  pages[who] = page;
  return page;
}

describe('the product in a browser', () => {
  it('carries an employer and a seeker from sign-up to an interview', async () => {
    const employer = await newPage('employer');
    const seeker = await newPage('seeker');
    let jobUrl = '';

    await step('employer-signs-up', async () => {
      await employer.goto(`${world.server.url}/signup`);
      await employer.getByLabel('hiring').check();
      await employer.getByLabel('Company name').fill('Lakeside Children’s Clinic');
      await employer.getByLabel('Email').fill('hiring@lakeside.example');
      await employer.getByLabel('Password').fill(PASSWORD);
      await employer.getByRole('button', { name: 'Create account' }).click();
      await employer.waitForURL('**/employer/jobs');
    });

    await step('employer-verifies-their-address', async () => {
      const link = await emailedLink(world.smtp, 'hiring@lakeside.example');
      await employer.goto(link);
      await employer.getByText('Your email address is confirmed. Thank you.').waitFor();
      await employer.goto(`${world.server.url}/employer/jobs`);
    });

    await step('employer-posts-a-job', async () => {
      await employer.getByRole('link', { name: 'Post a job' }).first().click();
      await employer.getByLabel('Title').fill('Pediatric Nurse');
      await employer
        .getByLabel('Description')
        .fill(
          'Care for children on our pediatrics unit: patient care, medication administration and patient education for families.',
        );
      await employer.getByLabel('Location').fill('Chicago, IL');
      const picker = employer.getByRole('combobox', { name: 'Add a skill' });
      for (const skill of ['pediatrics', 'registered nurse']) {
        await picker.fill(skill);
        await employer.getByRole('listbox').getByRole('option').first().waitFor();
        await picker.press('Enter');
      }
      await employer.getByRole('rowheader', { name: 'Pediatrics' }).waitFor();
      await employer.getByRole('rowheader', { name: 'Registered Nurse' }).waitFor();
      await employer.getByRole('button', { name: 'Post job' }).click();
      await employer.waitForURL(/\/employer\/jobs\/\d+$/);
      jobUrl = employer.url();
      await employer.getByRole('heading', { name: 'Pediatric Nurse' }).waitFor();
    });

    await step('seeker-signs-up-and-pastes-a-resume', async () => {
      await seeker.goto(`${world.server.url}/signup`);
      await seeker.getByLabel('First name').fill('James');
      await seeker.getByLabel('Last name').fill('Oconnor');
      await seeker.getByLabel('Email').fill('james@example.com');
      await seeker.getByLabel('Password').fill(PASSWORD);
      await seeker.getByRole('button', { name: 'Create account' }).click();
      await seeker.waitForURL('**/me/resume');
      await seeker.getByLabel('Paste your resume').fill(RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text);
      await seeker.getByRole('button', { name: 'Save resume' }).click();
      await seeker.getByText('Resume saved. Your matches are being updated.').waitFor();
      await seeker.getByRole('heading', { name: 'What we read' }).waitFor();
      await seeker.getByRole('button', { name: 'Correct it' }).click();
      await seeker.getByLabel('Position').first().fill('Pediatric Charge Nurse');
      await seeker.getByRole('button', { name: 'Save corrections' }).click();
      await seeker.getByText('Pediatric Charge Nurse').waitFor();
    });

    await step('seeker-sees-the-match-and-applies', async () => {
      await seeker.getByRole('link', { name: 'Matches' }).click();
      const card = seeker.locator('.match-card', { hasText: 'Pediatric Nurse' });
      await card.waitFor();
      await card.getByText(/You have 2 of the 2 skills this job asks for/).waitFor();
      await card.getByRole('link', { name: 'View and apply' }).click();
      await seeker.getByLabel('Cover letter (optional)').fill('I have cared for children for five years.');
      await seeker.getByRole('button', { name: 'Apply for this job' }).click();
      await seeker.getByText(/You applied on/).waitFor();
    });

    await step('employer-moves-the-applicant-to-interview', async () => {
      await employer.goto(jobUrl);
      const applicant = employer.locator('.applicant-card', { hasText: 'James Oconnor' });
      await applicant.waitFor();
      await applicant.getByText('james@example.com').waitFor();
      await applicant.getByRole('button', { name: 'Mark reviewed' }).click();
      await applicant.getByRole('button', { name: 'Move to interview' }).click();
      await applicant.locator('.badge', { hasText: 'Interview' }).waitFor();
      await employer.locator('.candidate-card', { hasText: 'James Oconnor' }).waitFor();
    });

    await step('seeker-sees-the-interview', async () => {
      await seeker.getByRole('link', { name: 'Applications' }).click();
      const application = seeker.locator('.application-card', { hasText: 'Pediatric Nurse' });
      await application.locator('.badge', { hasText: 'Interview' }).waitFor();
      await application.getByText(/Interview \(the employer\)/).waitFor();
    });

    await step('seeker-asks-for-a-human-review', async () => {
      await seeker.getByRole('link', { name: 'Matches' }).click();
      const card = seeker.locator('.match-card', { hasText: 'Pediatric Nurse' });
      await card.getByText('Question this score').click();
      // Kobalte's radio group: the choice is picked by its label, as people do.
      await card.getByText('I want a person to review my candidacy').click();
      expect(await card.getByRole('radio', { name: 'I want a person to review my candidacy' }).isChecked()).toBe(true);
      await card.getByLabel('What should they look at?').fill('My charge nurse years are not in the skills list.');
      await card.getByRole('button', { name: 'Send' }).click();
      await card.getByText("Waiting for the employer's answer").waitFor();
    });

    await step('employer-answers-the-review', async () => {
      await employer.goto(jobUrl);
      const candidate = employer.locator('.candidate-card', { hasText: 'James Oconnor' });
      await candidate.getByText('My charge nurse years are not in the skills list.').waitFor();
      await candidate
        .getByLabel('Your answer (the candidate sees it)')
        .fill('We read your resume: the interview will cover it.');
      await candidate.getByRole('button', { name: 'Send answer' }).click();
      await candidate.getByText('You answered: “We read your resume: the interview will cover it.”').waitFor();
    });

    await step('seeker-sees-the-answer-and-self-identifies', async () => {
      await seeker.reload();
      await seeker
        .locator('.match-card', { hasText: 'Pediatric Nurse' })
        .getByText('The employer answered: “We read your resume: the interview will cover it.”')
        .waitFor();
      await seeker.getByRole('link', { name: 'Account' }).click();
      const form = seeker.locator('form', { hasText: 'Voluntary self-identification' });
      const sex = form.getByRole('radiogroup', { name: 'Sex' });
      const race = form.getByRole('radiogroup', { name: 'Race / ethnicity' });
      await sex.getByText('Male', { exact: true }).click();
      await race.getByText('Asian', { exact: true }).click();
      expect(await sex.getByRole('radio', { name: 'Male', exact: true }).isChecked()).toBe(true);
      expect(await race.getByRole('radio', { name: 'Asian', exact: true }).isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Saved. Thank you.').waitFor();
    });

    await step('employer-reads-the-bias-audit', async () => {
      await employer.getByRole('link', { name: 'Bias audit' }).first().click();
      const table = employer.locator('.audit-table', { hasText: 'Selection by sex ×' });
      // The one applicant reached interview, but a category of fewer than 5 people is never shown:
      // the employer could tell who it is.
      await table.getByRole('row', { name: /Male × Asian\s+fewer than 5/ }).waitFor();
      expect(await table.getByText(/100\.0%/).count()).toBe(0);
    });

    await step('seeker-corrects-skills-and-uploads-another-resume', async () => {
      await seeker.goto(`${world.server.url}/me/resume`);
      const skills = seeker.locator('section', { has: seeker.getByRole('heading', { name: 'Your skills' }) });
      const row = (name: string) => skills.getByRole('row', { name: new RegExp(`^${name}\\b`) });
      await row('Wound Care').getByText('Read from your resume').waitFor();
      // A skill the catalog lacks: kept as the seeker's own, sent to review.
      await skills.getByRole('combobox', { name: 'Add a skill' }).fill('Pediatric Sedation Rounds');
      await seeker.getByRole('option', { name: /Add “Pediatric Sedation Rounds” as your own skill/ }).click();
      // Correct one skill read from the resume.
      await skills.getByLabel('Level of Pediatrics').selectOption('expert');
      await skills.getByRole('button', { name: 'Save skills' }).click();
      await skills.getByText('Saved. Your matches are being updated.').waitFor();
      await row('Pediatrics').getByText('Confirmed by you').waitFor();
      await row('Pediatric Sedation Rounds').getByText('your own skill, sent to review').waitFor();

      // Another resume, a Word file laid out as a table (as many templates are): its work history
      // and education are read, and the page says which skills changed.
      const docx = await readFile('test/fixtures/parsing/files/home-health-nurse.docx');
      await seeker.locator('#resume-file').setInputFiles({
        name: 'resume.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx,
      });
      await skills.getByText(/With your new resume: newly read .+; no longer read .*Wound Care/).waitFor();
      await seeker
        .getByText(/Home Health Nurse.*Lakeside Home Care/)
        .first()
        .waitFor();
      await seeker
        .getByText(/Licensed Practical Nurse.*Sunrise Senior Living/)
        .first()
        .waitFor();
      await seeker
        .getByText(/Harold Washington College/)
        .first()
        .waitFor();
      await skills.locator('tr.skill-new').first().getByText('New').waitFor();
      await expect(row('Wound Care').count()).resolves.toBe(0);
      await row('Pediatrics').getByText('Confirmed by you').waitFor();
      await row('Pediatric Sedation Rounds').getByText('Added by you').waitFor();
    });

    await step('seeker-cannot-open-employer-pages', async () => {
      await seeker.goto(`${world.server.url}/employer/jobs`);
      await seeker.getByRole('heading', { name: 'This page is for employers' }).waitFor();
    });
  }, 180_000);

  it('shows a wrong password as an error beside the form', async () => {
    const page = await newPage('stranger');
    await step('wrong-password', async () => {
      await page.goto(`${world.server.url}/signin`);
      await page.getByLabel('Email').fill('james@example.com');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'The email address or password is incorrect.' }).waitFor();
      expect(page.url()).toMatch(/\/signin$/);
    });
  }, 60_000);

  it('gives admins the experiments, the decision log and the audit, and seekers their career paths (demo data)', async () => {
    const demo = await startNodeServer({ SEED_DEMO_DATA: 'true' });
    try {
      const signIn = async (who: string, email: string) => {
        const page = await newPage(who);
        await page.goto(`${demo.url}/signin`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill('demo-password-2026');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        return page;
      };
      const admin = await signIn('admin', 'admin@jobplatform.example');
      await step('admin-starts-an-experiment', async () => {
        await admin.getByRole('link', { name: 'Experiments' }).click();
        await admin.getByLabel('Name').fill('skills first trial');
        await admin.getByRole('button', { name: 'Start' }).click();
        const card = admin.locator('.experiment-card', { hasText: 'skills first trial' });
        await card.getByText('blend-v1 50% · skills-first-v1 50%').waitFor();
        await card.getByRole('button', { name: 'Results' }).click();
        await card.getByText('skills-first-v1 vs control, applied rate: not enough data yet').waitFor();
        await admin.getByRole('img', { name: 'View rate per week, by algorithm' }).waitFor();
      });
      await step('admin-reads-the-decision-log-and-the-audit', async () => {
        await admin.getByRole('link', { name: 'Decision log' }).click();
        await admin.getByRole('cell', { name: 'local-parser-v1' }).first().waitFor();
        await admin.getByRole('link', { name: 'Bias audit' }).click();
        await admin.getByText(/Matches scoring above the median overall score, of \d+ matches\./).waitFor();
      });
      const seeker = await signIn('demo-seeker', 'dev.patel@example.com');
      await step('seeker-sees-career-paths', async () => {
        await seeker.goto(`${demo.url}/me/matches`);
        const paths = seeker.locator('.career-paths');
        await paths.getByRole('heading', { name: 'Skills that would open more jobs' }).waitFor();
        await paths
          .getByText(/^Learning /)
          .first()
          .waitFor();
      });
      await step('seeker-is-asked-once-about-self-identification', async () => {
        const prompt = seeker.getByRole('region', { name: 'Voluntary self-identification' });
        await prompt.getByRole('button', { name: 'No thanks' }).click();
        await prompt.waitFor({ state: 'detached' });
        await seeker.reload();
        await seeker.locator('.match-card').first().waitFor();
        expect(await prompt.count()).toBe(0);
      });
    } finally {
      await demo.remove();
    }
  }, 120_000);
});
