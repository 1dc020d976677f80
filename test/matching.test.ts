import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProviders } from '../server/providers.ts';
import { generateMatchesForSeeker } from '../server/matching/generate.ts';
import { templateReasoning } from '../server/matching/reasoning.ts';
import { locationFit, overallScore, semanticScore, skillMatch } from '../server/matching/scoring.ts';
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { DEMO_SEEKERS } from '../server/seed/demo-seekers.ts';
import { seedDemoActivity } from '../server/seed/demo-activity.ts';
import { enrichDemoData, loadDemoData } from '../server/seed/seed.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp, TEST_START } from './helpers/app.ts';
import { codeOf, employerClient, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

const ai = createProviders();

describe('the scores', () => {
  const job = [
    { skillId: 1, name: 'TypeScript', required: true, priority: 1 },
    { skillId: 2, name: 'PostgreSQL', required: true, priority: 2 },
    { skillId: 3, name: 'AWS', required: false, priority: 3 },
  ];

  it('weigh skills by required and priority, with partial credit for level and years', () => {
    // Weights 3, 2, 0.5. Expert TypeScript with enough years: full credit 3.
    expect(skillMatch(job, [{ skillId: 1, proficiencyLevel: 'expert', yearsExperience: 5 }], 5).score).toBeCloseTo(
      3 / 5.5,
      6,
    );
    // Beginner (0.7) with 1 of 4 years asked: 0.7 x (0.7 + 0.3 x 0.25) = 0.5425.
    expect(skillMatch(job, [{ skillId: 1, proficiencyLevel: 'beginner', yearsExperience: 1 }], 4).score).toBeCloseTo(
      (3 * 0.5425) / 5.5,
      6,
    );
    const all = skillMatch(
      job,
      [1, 2, 3].map((skillId) => ({ skillId, proficiencyLevel: 'expert', yearsExperience: null })),
      3,
    );
    expect(all.score).toBe(1);
    const none = skillMatch(job, [], null);
    expect(none.score).toBe(0);
    expect(none.missing.map((s) => s.name)).toEqual(['TypeScript', 'PostgreSQL', 'AWS']);
    expect(skillMatch([], [], null).score).toBeNull();
  });

  it('blend into an overall score in [0, 1] as documented', () => {
    expect(semanticScore(0.6, 0.4)).toBeCloseTo(0.54, 6);
    expect(semanticScore(-0.2, null)).toBe(0);
    expect(locationFit({ location: 'Boston, MA', remoteAllowed: false }, 'Boston, MA')).toBe(1);
    expect(locationFit({ location: 'Boston, MA', remoteAllowed: false }, 'Austin, TX')).toBe(0);
    expect(locationFit({ location: 'Austin, TX', remoteAllowed: true }, 'Boston, MA')).toBe(1);
    expect(overallScore(0.5, 1, 1)).toBeCloseTo(0.775, 6);
    expect(overallScore(0.5, null, 0)).toBeCloseTo(0.45, 6);
    expect(overallScore(2, 2, 2)).toBe(1);
  });

  it('are explained with the same facts, never inventing any', () => {
    const facts = {
      jobTitle: 'Backend',
      semanticScore: 0.5,
      skillMatchScore: 0.6,
      overallScore: 0.6,
      matched: [{ name: 'TypeScript', required: true, priority: 1 }],
      missing: [{ name: 'AWS', required: false, priority: 3 }],
      remote: true,
      sameCity: false,
    };
    expect(templateReasoning(facts)).toBe(
      'You have 1 of the 2 skills this job asks for, including every required one (TypeScript). Nice to have that you have not listed: AWS. Your resume is closely related to the job description (50% similar). The job can be done remotely.',
    );
  });
});

describe('on the demo data', () => {
  it('gives every demo seeker three top matches from their own field', async () => {
    const t = await createTestApp();
    await t.db.transaction(async (tx) => {
      const ids = new Map(
        (
          (await tx.execute(sql`select id, normalized_name from skills`)) as unknown as {
            rows: { id: number; normalized_name: string }[];
          }
        ).rows.map((r) => [r.normalized_name, r.id]),
      );
      await loadDemoData(tx, ids, 'x', TEST_START);
    });
    await enrichDemoData(t.db, ai, TEST_START);
    const fieldOf = new Map(DEMO_EMPLOYERS.flatMap((e) => e.jobs.map((j) => [j.title, j.field ?? e.field] as const)));
    const tops: Record<string, string[]> = {};
    for (const seeker of DEMO_SEEKERS) {
      const rows = await t.pg.query<{ title: string }>(
        `select j.title from matches m join jobs j on j.id = m.job_id join users u on u.id = m.job_seeker_id where u.email = $1 order by m.overall_score desc limit 3`,
        [seeker.email],
      );
      tops[seeker.field] = rows.rows.map((r) => fieldOf.get(r.title)!);
    }
    expect(tops).toEqual(Object.fromEntries(DEMO_SEEKERS.map((s) => [s.field, [s.field, s.field, s.field]])));

    // What the demo people did with their matches: recorded as the procedures record it, once.
    await seedDemoActivity(t.db, TEST_START);
    await seedDemoActivity(t.db, TEST_START);
    const applied = await t.pg.query<{ status: string; best: boolean; events: string }>(`
      select a.status, m.overall_score = (select max(overall_score) from matches x where x.job_seeker_id = a.job_seeker_id) as best,
             (select string_agg(to_status, ',' order by e.id) from application_events e where e.application_id = a.id) as events
      from applications a join matches m on m.job_id = a.job_id and m.job_seeker_id = a.job_seeker_id order by a.id`);
    expect(applied.rows.slice(0, 4).map((r) => [r.status, r.best, r.events])).toEqual([
      ['interview', true, 'submitted,reviewed,interview'],
      ['submitted', true, 'submitted'],
      ['submitted', true, 'submitted'],
      ['submitted', true, 'submitted'],
    ]);
    // The first job's pipeline: the other five demo seekers applied to it, in several columns.
    const pipeline = await t.pg.query<{ status: string; reason: string | null }>(`
      select status, rejection_reason as reason from applications
      where job_id = (select job_id from applications order by id limit 1) order by id`);
    expect(pipeline.rows.map((r) => r.status)).toEqual([
      'interview',
      'offer',
      'reviewed',
      'rejected',
      'submitted',
      'submitted',
    ]);
    expect(pipeline.rows[3]!.reason).toBe('skills_mismatch');
    const dismissed = await t.pg.query(`select 1 from matches where dismissed_at is not null`);
    expect(dismissed.rows).toHaveLength(DEMO_SEEKERS.length);
  }, 60_000);
});

describe('matches for a seeker', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let employer: Client & { id: number };
  let seeker: Client & { id: number };
  const nurseResume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
  const engineerResume = RESUME_FIXTURES.find((f) => f.id === 'data-engineer')!.text;
  const engineerJob = {
    title: 'Data Engineer',
    description: 'Build ETL pipelines in Python and Apache Spark into our Snowflake data warehouse; Airflow and dbt.',
    location: 'Seattle, WA',
    skills: [
      { name: 'Python', required: true, priority: 1 as const },
      { name: 'Apache Spark', required: true, priority: 1 as const },
      { name: 'Snowflake', required: false, priority: 2 as const },
    ],
  };

  beforeEach(async () => {
    t = await createTestApp();
    employer = await employerClient(t.app, 'boss@acme.example');
    seeker = await seekerClient(t.app, 'sam@example.com');
    await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.create.mutate(engineerJob);
    await t.settle();
  });

  it('follow the resume: regenerated after it changes', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurseResume });
    await t.settle();
    const first = await seeker.trpc.matches.forMe.query({ limit: 10 });
    expect(first.items[0]!.job.title).toBe('Pediatric Nurse');
    expect(first.items[0]!.overallScore).toBeGreaterThan(first.items[1]?.overallScore ?? 0);
    for (const item of first.items)
      for (const score of [item.overallScore, item.semanticScore, item.skillMatchScore])
        expect(score === null || (score >= 0 && score <= 1)).toBe(true);
    expect(first.items[0]!.matchedSkills.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Pediatrics', 'Registered Nurse']),
    );
    expect(first.items[0]!.matchReasoning).toMatch(/^You have 3 of the 3 skills/);
    expect(first.items[0]!.algorithmVersion).toBe('blend-v2');
    // The job as stored (a numeric's digits as text), the times as ISO text.
    expect(first.items[0]!.job).toMatchObject({
      location: 'Boston, MA',
      remoteAllowed: false,
      employmentType: 'full_time',
      salaryMin: '70000.00',
      salaryMax: '90000.00',
      currency: 'USD',
    });
    expect(first.items[0]!.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.items[0]!.viewedAt).toBeNull();
    await seeker.trpc.matches.markViewed.mutate({ jobId: first.items[0]!.jobId });
    const viewed = (await seeker.trpc.matches.forMe.query({ limit: 10 })).items[0]!.viewedAt;
    expect(new Date(viewed!).toISOString()).toBe(viewed);
    expect(first.items[0]!.matchReasoning).toMatch(
      /Your past titles (match|are close to) this role\. Your resume and this ad share (many|some) distinctive words/,
    );

    await seeker.trpc.seekers.setResume.mutate({ text: engineerResume });
    await t.settle();
    expect((await seeker.trpc.matches.forMe.query({ limit: 10 })).items[0]!.job.title).toBe('Data Engineer');
  });

  it('follow the job: regenerated after an edit, gone when it closes', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: engineerResume });
    await t.settle();
    const [job] = await employer.trpc.jobs.mine.query().then((jobs) => jobs.filter((j) => j.title === 'Data Engineer'));
    const before = (await seeker.trpc.matches.forMe.query({})).items.find((m) => m.jobId === job!.id)!;
    await employer.trpc.jobs.update.mutate({
      id: job!.id,
      skills: [
        { name: 'Python', required: true, priority: 1 },
        { name: 'Kubernetes', required: true, priority: 1 },
      ],
    });
    await t.settle();
    const after = (await seeker.trpc.matches.forMe.query({})).items.find((m) => m.jobId === job!.id)!;
    expect(after.matchedSkills.map((s) => s.name)).toEqual(['Python']);
    expect(after.missingSkills.map((s) => s.name)).toEqual(['Kubernetes']);
    expect(after.skillMatchScore!).toBeLessThan(before.skillMatchScore!);
    await employer.trpc.jobs.setStatus.mutate({ id: job!.id, status: 'closed' });
    expect((await seeker.trpc.matches.forMe.query({})).items.find((m) => m.jobId === job!.id)).toBeUndefined();
  });

  it('follow the seeker’s skills', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: engineerResume });
    await t.settle();
    const nurse = async () =>
      (await seeker.trpc.matches.forMe.query({})).items.find((m) => m.job.title === 'Pediatric Nurse');
    const before = (await nurse())?.skillMatchScore ?? 0;
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Registered Nurse', proficiencyLevel: 'expert', yearsExperience: 5 },
        { name: 'Pediatrics', proficiencyLevel: 'expert', yearsExperience: 5 },
      ],
    });
    await t.settle();
    expect((await nurse())!.skillMatchScore!).toBeGreaterThan(before);
  });

  it('are paged by score with minScore, marked viewed, and a dismissed one never comes back', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurseResume });
    await t.settle();
    const all = await seeker.trpc.matches.forMe.query({ limit: 1 });
    expect(all.items).toHaveLength(1);
    const second = await seeker.trpc.matches.forMe.query({ limit: 1, cursor: all.nextCursor! });
    expect(second.items[0]!.jobId).not.toBe(all.items[0]!.jobId);
    expect((await seeker.trpc.matches.forMe.query({ minScore: 0.99 })).items).toEqual([]);

    const top = all.items[0]!;
    await seeker.trpc.matches.markViewed.mutate({ jobId: top.jobId });
    expect((await seeker.trpc.matches.forMe.query({})).items[0]!.viewedAt).toBe(t.clock.now.toISOString());

    await seeker.trpc.matches.dismiss.mutate({ jobId: top.jobId, reason: 'not_relevant' });
    expect((await seeker.trpc.matches.forMe.query({})).items.map((m) => m.jobId)).not.toContain(top.jobId);
    await generateMatchesForSeeker(t.db, ai, seeker.id, t.clock.now);
    expect((await seeker.trpc.matches.forMe.query({})).items.map((m) => m.jobId)).not.toContain(top.jobId);
    const feedback = await t.pg.query('select feedback from matches where job_id = $1 and job_seeker_id = $2', [
      top.jobId,
      seeker.id,
    ]);
    expect(feedback.rows).toEqual([{ feedback: 'not_relevant' }]);
  });

  it('are the seeker’s own: another seeker cannot mark or dismiss them', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurseResume });
    await t.settle();
    const top = (await seeker.trpc.matches.forMe.query({})).items[0]!;
    const other = await seekerClient(t.app, 'kim@example.com');
    expect(await codeOf(other.trpc.matches.dismiss.mutate({ jobId: top.jobId }))).toBe('NOT_FOUND');
    expect(await codeOf(other.trpc.matches.markViewed.mutate({ jobId: top.jobId }))).toBe('NOT_FOUND');
    expect(await codeOf(employer.trpc.matches.forMe.query({}))).toBe('FORBIDDEN');
    expect((await seeker.trpc.matches.forMe.query({})).items[0]!.jobId).toBe(top.jobId);
  });

  it('are generated idempotently, also twice at once', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurseResume });
    await t.settle();
    const count = async () =>
      (await t.pg.query<{ n: number }>('select count(*)::int as n from matches where job_seeker_id = $1', [seeker.id]))
        .rows[0]!.n;
    const before = await count();
    await Promise.all([
      generateMatchesForSeeker(t.db, ai, seeker.id, t.clock.now),
      generateMatchesForSeeker(t.db, ai, seeker.id, t.clock.now),
    ]);
    expect(await count()).toBe(before);
  });
});

describe('blend-v2', () => {
  it('does not give every seeker with a doubtful inferred skill full marks: a "Tour Accountant" ad that inferred only Sales ranks the accountant first', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'tour@example.com');
    const job = await employer.trpc.jobs.create.mutate({
      title: 'Tour Accountant',
      description:
        'Keep the books of a touring production: settlements with venues after each show, per diems, tour budgets and reconciliations, reporting to the business manager. Ticket sales figures come in nightly.',
    });
    await t.settle();
    const inferred = await t.pg.query<{ name: string; inferred: boolean }>(
      `select s.name, js.inferred from job_skills js join skills s on s.id = js.skill_id where js.job_id = $1`,
      [job.id],
    );
    expect(inferred.rows).toEqual([{ name: 'Sales', inferred: true }]);
    const accountant = await seekerClient(t.app, 'ledger@example.com');
    await accountant.trpc.seekers.setResume.mutate({
      text: 'Staff Accountant\nExperience\nStaff Accountant, Harbor CPA Group (2019 - present): monthly close, account reconciliations, settlements and budgets for touring clients, per diems.\nEducation: BS in Accounting',
    });
    const seller = await seekerClient(t.app, 'seller@example.com');
    await seller.trpc.seekers.setResume.mutate({
      text: 'Retail Sales Associate\nExperience\nSales Associate, Target (2020 - present): greeted customers, ran the register, hit weekly sales targets, restocked shelves.\nSkills: Sales, Customer Service',
    });
    await accountant.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await seller.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await t.settle();
    const candidates = await employer.trpc.matches.candidatesForJob.query({ jobId: job.id });
    // Both visible and not applied, so anonymous; the seller is the one with the skill read from the ad.
    expect(candidates.map((c) => c.identified)).toEqual([false, false]);
    const sellerMatch = candidates[1]!;
    expect(sellerMatch.skillMatchScore).toBeGreaterThan(0.8);
    expect(sellerMatch.matchReasoning).toMatch(/read from the ad, not listed by the employer, so they count for less/);
    expect(candidates[0]!.matchReasoning).toMatch(/Your resume and this ad share (many|some) distinctive words/);
    await t.close();
  });

  it('keeps the providers and matching free of what they must not import (issue 22)', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const embedder = await readFile(new URL('../server/ai/local-embedder.ts', import.meta.url), 'utf8');
    expect([...embedder.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['./types.ts']);
    for (const file of await readdir(new URL('../server/matching/', import.meta.url))) {
      const source = await readFile(new URL(`../server/matching/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/experiments\//);
    }
  });
});

describe('matches.candidatesForJob', () => {
  it('ranks the job’s candidates for its owner only, with contact details only after they apply', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const rival = await employerClient(t.app, 'boss@rival.example');
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const nurse = await seekerClient(t.app, 'james@example.com', { firstName: 'James', lastName: 'Oconnor' });
    await nurse.trpc.seekers.updateProfile.mutate({ phone: '+1 773 555 0199' });
    await nurse.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text });
    const cook = await seekerClient(t.app, 'antoine@example.com', { firstName: 'Antoine', lastName: 'Dubois' });
    await cook.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'sous-chef')!.text });
    await nurse.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await cook.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await t.settle();

    // Visible but not applied: anonymous, without names or contact details.
    const before = await employer.trpc.matches.candidatesForJob.query({ jobId: job.id });
    expect(before.map((c) => c.identified)).toEqual([false, false]);
    expect(before[0]).toMatchObject({ pseudonym: expect.stringMatching(/^Candidate [A-Z2-7]{6}$/) });
    expect(JSON.stringify(before)).not.toMatch(/James|Antoine|james@example\.com|555 0199/);

    await nurse.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: 'I would love to.' });
    const after = await employer.trpc.matches.candidatesForJob.query({ jobId: job.id });
    expect(after[0]).toMatchObject({
      identified: true,
      firstName: 'James',
      contact: { email: 'james@example.com', phone: '+1 773 555 0199' },
      application: { status: 'submitted' },
    });
    expect(after[1]).toMatchObject({ identified: false });
    expect(JSON.stringify(after[1])).not.toMatch(/Antoine|antoine@example\.com/);
    expect(
      (await employer.trpc.matches.candidatesForJob.query({ jobId: job.id, minScore: 0.5 })).map((c) => c.identified),
    ).toEqual([true]);

    expect(await codeOf(rival.trpc.matches.candidatesForJob.query({ jobId: job.id }))).toBe('NOT_FOUND');
    expect(await codeOf(nurse.trpc.matches.candidatesForJob.query({ jobId: job.id }))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.matches.candidatesForJob.query({ jobId: job.id }))).toBe('UNAUTHORIZED');
  });
});
