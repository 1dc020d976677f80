/**
 * Every text entry point, timed on adversarial inputs of the largest size it accepts: long runs
 * of spaces, colons, `<` without `>` and unclosed tags, which patterns such as /[:\s]+$/ or
 * /<[^>]*>/g (restarting at every position) turn into seconds of blocked event loop.
 * Bounds are generous (the slow cases took 6 to 20 s); exact figures: `npm run bench -- --hostile-only`.
 */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { jobPosting } from './fixtures/webhooks.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { employerClient, nurseJob, seekerClient } from './helpers/actors.ts';

const BOUND_MS = 1_000;

/** Runs of one character, the shapes that make a backtracking pattern quadratic. */
export const adversarialTexts = (size: number): Record<string, string> => ({
  spaces: `name${' '.repeat(size - 5)}x`,
  colons: `a${':'.repeat(size - 2)}b`,
  'spaces and colons': `Skills${' :'.repeat((size - 7) / 2)}x`,
  '< without >': '<'.repeat(size),
  'unclosed tags': '<li'.repeat(Math.floor(size / 3)),
  'unclosed script': '<script>'.repeat(Math.floor(size / 8)),
  'tabs and newlines': `${('\t \n').repeat(Math.floor(size / 3))}x`,
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T | Error }> {
  const started = performance.now();
  const result = await work().catch((error: Error) => error);
  return { ms: performance.now() - started, result };
}

describe('a signed job-board posting', () => {
  it('turns 160,000 `<` (and every other adversarial description of up to ~1 MB) into text in well under a second', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const source = await employer.trpc.sources.create.mutate({ name: 'Board', format: 'json-ld' });
    const cases = { ...adversarialTexts(160_000), 'a megabyte of `<`': '<'.repeat(1024 * 1024 - 2_000) };
    for (const [name, description] of Object.entries(cases)) {
      const body = JSON.stringify(jobPosting({ description, identifier: { value: name } }));
      const id = `msg_${name.replace(/\W/g, '_')}`;
      const { ms, result } = await timed(async () =>
        t.app.request(source.webhookPath, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
            'webhook-signature': new Webhook(source.signingSecret).sign(id, new Date(), body),
          },
        }),
      );
      expect(result instanceof Response ? result.status : result, name).toBeLessThan(500);
      expect(ms, `${name}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
    }
  }, 60_000);
});

describe('text typed by a signed-in user', () => {
  it('is answered in well under a second at the largest size each field accepts', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const seeker = await seekerClient(t.app, 'sam@example.com');
    const anonymous = apiClient(t.app);
    const calls: Record<string, (text: string) => Promise<unknown>> = {
      'jobs.search q (200)': (text) => anonymous.trpc.jobs.search.query({ q: text.slice(0, 200) }),
      'jobs.search location (100)': (text) =>
        anonymous.trpc.jobs.search.query({ q: 'nurse', location: text.slice(0, 100) }),
      'skills.search q (100)': (text) => anonymous.trpc.skills.search.query({ q: text.slice(0, 100) }),
      'seekers.updateProfile (100)': (text) =>
        seeker.trpc.seekers.updateProfile.mutate({ firstName: text.slice(0, 100), location: text.slice(0, 100) }),
      'seekers.setSkills names (100)': (text) =>
        seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: text.slice(0, 100) }] }),
      'employers.updateCompany website (200)': (text) =>
        employer.trpc.employers.updateCompany.mutate({ website: `https://${text.slice(0, 180)}` }),
      'jobs.create skill names (100)': (text) =>
        employer.trpc.jobs.create.mutate({
          ...nurseJob,
          skills: [{ name: text.slice(0, 100), required: true, priority: 1 }],
        }),
    };
    for (const [shape, text] of Object.entries(adversarialTexts(20_000))) {
      for (const [entry, call] of Object.entries(calls)) {
        const { ms } = await timed(() => call(text));
        expect(ms, `${entry} with ${shape}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
      }
    }
  }, 120_000);

  // Job text runs through the skills lexicon (server/skills/lexicon.ts), whose line trims were
  // quadratic on runs of spaces and colons (`/[:\s]+$/`).
  it('jobs.create with a 20,000-character adversarial description, in well under a second', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    for (const [shape, text] of Object.entries(adversarialTexts(20_000))) {
      const { ms } = await timed(() =>
        employer.trpc.jobs.create.mutate({ ...nurseJob, description: text, skills: [] }),
      );
      expect(ms, `jobs.create with ${shape}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
    }
  }, 120_000);

  // The resume parser (server/ai/local-resume-parser.ts, server/ai/resume-text.ts) in the request
  // itself, without the Node entry's thread pool: its patterns must be linear.
  it('seekers.setResume with 60,000 adversarial characters, in well under a second', async () => {
    const t = await createTestApp();
    const seeker = await seekerClient(t.app, 'sam@example.com');
    for (const [shape, text] of Object.entries(adversarialTexts(60_000))) {
      const { ms } = await timed(() => seeker.trpc.seekers.setResume.mutate({ text }));
      expect(ms, `seekers.setResume with ${shape}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
    }
  }, 300_000);
});
