import { beforeEach, describe, expect, it } from 'vitest';
import { closeExpiredJobs } from '../server/jobs/service.ts';
import { PUBLIC_CACHE_CONTROL } from '../server/http/cache-policy.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let otherEmployer: Client & { id: number };
let seeker: Client & { id: number };
const DAY = 86_400_000;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  otherEmployer = await employerClient(t.app, 'boss@rival.example', 'Rival');
  seeker = await seekerClient(t.app, 'sam@example.com');
});

describe('jobs.create', () => {
  it('posts a job with catalog skills, numeric money and postedAt, and embeds it after the response', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    expect(job).toMatchObject({
      title: 'Pediatric Nurse',
      status: 'active',
      salaryMin: '70000.00',
      salaryMax: '90000.00',
      currency: 'USD',
      postedAt: t.clock.now.toISOString(),
      isOwner: true,
      embedding: 'pending',
    });
    expect(job.skills.map((s) => [s.name, s.required, s.priority, s.inferred])).toEqual([
      ['Pediatrics', true, 1, false],
      ['Registered Nurse', true, 1, false],
      ['Patient Education', false, 3, false],
    ]);
    await t.settle();
    expect((await employer.trpc.jobs.get.query({ id: job.id })).embedding).toBe('ready');
    const dims = await t.pg.query<{ d: number; r: number }>(
      'select vector_dims(description_embedding) as d, vector_dims(requirements_embedding) as r from jobs',
    );
    expect(dims.rows[0]).toEqual({ d: 1536, r: 1536 });
  });

  it('infers the skills of a job posted without any, marked so the employer can confirm them', async () => {
    const job = await employer.trpc.jobs.create.mutate({
      title: 'Backend Engineer (TypeScript)',
      description: 'Build APIs with Node.js and PostgreSQL; we deploy with Docker.',
    });
    expect(job.skills.map((s) => [s.name, s.inferred, s.required])).toEqual(
      expect.arrayContaining([
        ['TypeScript', true, true],
        ['Node.js', true, false],
        ['PostgreSQL', true, false],
        ['Docker', true, false],
      ]),
    );
  });

  it.each([
    ['an empty title', { title: '' }, 'title: Enter a job title.'],
    [
      'a minimum salary above the maximum',
      { salaryMin: 90000, salaryMax: 50000 },
      'salaryMax: The minimum salary cannot be above the maximum.',
    ],
    ['an unknown currency', { currency: 'XYZ' }, 'currency: Use an ISO 4217 currency code, like USD or EUR.'],
    ['a negative salary', { salaryMin: -5 }, 'salaryMin: Enter an amount of zero or more.'],
    [
      'an unknown employment type',
      { employmentType: 'gig' },
      'employmentType: Choose full_time, part_time, contract, internship or temporary.',
    ],
    [
      'a priority of 4',
      { skills: [{ name: 'Python', required: true, priority: 4 }] },
      'skills.0.priority: Priority is 1 (must have), 2 (important) or 3 (nice to have).',
    ],
    ['a closed status', { status: 'closed' }, 'status: A new job is a draft or active.'],
    [
      'an expiry in the past',
      { expiresAt: '2020-01-01T00:00:00Z' },
      'expiresAt: The expiry date must be in the future.',
    ],
    // A name the catalog lacks is the job's own custom skill (test/skills.test.ts); one without a letter or digit names nothing.
    [
      'a skill name without a letter or digit',
      { skills: [{ name: '!!!', required: true, priority: 1 }] },
      '“!!!” is not a skill name: use at least one letter or digit.',
    ],
  ])('refuses %s with BAD_REQUEST and writes nothing', async (_what, change, message) => {
    const error = await failureOf(employer.trpc.jobs.create.mutate({ ...nurseJob, ...change } as never));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message });
    expect((await t.pg.query('select count(*)::int as n from jobs')).rows[0]).toEqual({ n: 0 });
  });

  it('is for employers only, and ignores an owner smuggled into the input', async () => {
    expect(await codeOf(seeker.trpc.jobs.create.mutate(nurseJob))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.jobs.create.mutate(nurseJob))).toBe('UNAUTHORIZED');
    expect(await codeOf(employer.trpc.jobs.create.mutate({ ...nurseJob, employerId: otherEmployer.id } as never))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('the status workflow', () => {
  it('goes draft -> active (posting sets postedAt) -> closed -> active', async () => {
    const job = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    expect(job.postedAt).toBeNull();
    t.clock.advance(DAY);
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'active' });
    expect((await employer.trpc.jobs.get.query({ id: job.id })).postedAt).toBe(t.clock.now.toISOString());
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'closed' });
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'active' });
    expect((await employer.trpc.jobs.get.query({ id: job.id })).status).toBe('active');
  });

  it('refuses active -> draft once anyone applied, and closed -> draft always', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'draft' });
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'active' });
    await seeker.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: 'Hello' });
    expect(await failureOf(employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'draft' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'People have applied to this job, so it cannot go back to draft. Close it instead.',
    });
    await employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'closed' });
    expect(await failureOf(employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'draft' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A closed job cannot become draft.',
    });
  });

  it('keeps other employers out: their draft is NOT_FOUND, their job cannot be changed', async () => {
    const draft = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    const active = await employer.trpc.jobs.create.mutate(nurseJob);
    expect(await codeOf(otherEmployer.trpc.jobs.get.query({ id: draft.id }))).toBe('NOT_FOUND');
    expect(await codeOf(otherEmployer.trpc.jobs.update.mutate({ id: active.id, title: 'Mine now' }))).toBe('NOT_FOUND');
    expect(await codeOf(otherEmployer.trpc.jobs.setStatus.mutate({ id: active.id, status: 'closed' }))).toBe(
      'NOT_FOUND',
    );
    expect((await otherEmployer.trpc.jobs.get.query({ id: active.id })).isOwner).toBe(false);
    expect((await employer.trpc.jobs.get.query({ id: active.id })).title).toBe('Pediatric Nurse');
    expect(await otherEmployer.trpc.jobs.mine.query()).toEqual([]);
  });

  it('ends two simultaneous status changes in one state', async () => {
    const job = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    const results = await Promise.allSettled([
      employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'active' }),
      employer.trpc.jobs.setStatus.mutate({ id: job.id, status: 'closed' }),
    ]);
    const final = (await employer.trpc.jobs.get.query({ id: job.id })).status;
    const answered = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.status] : []));
    const refused = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { data?: { code?: string } }).data?.code] : [],
    );
    // Either both ran one after the other (the last one's state stands), or one won and the other was told.
    expect(refused).toEqual(answered.length === 2 ? [] : ['CONFLICT']);
    expect(answered.length === 2 ? answered[1] : answered[0]).toBe(final);
  });
});

describe('visibility and expiry', () => {
  it('never shows a draft or closed job to a seeker or an anonymous reader', async () => {
    const draft = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Draft nurse job', status: 'draft' });
    const closed = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Closed nurse job' });
    await employer.trpc.jobs.setStatus.mutate({ id: closed.id, status: 'closed' });
    await t.settle();
    for (const reader of [seeker, apiClient(t.app)]) {
      expect(await codeOf(reader.trpc.jobs.get.query({ id: draft.id }))).toBe('NOT_FOUND');
      expect(await codeOf(reader.trpc.jobs.get.query({ id: closed.id }))).toBe('NOT_FOUND');
      expect((await reader.trpc.jobs.search.query({ q: 'nurse' })).items).toEqual([]);
    }
    expect(await codeOf(seeker.trpc.applications.submit.mutate({ jobId: draft.id, coverLetter: null }))).toBe(
      'NOT_FOUND',
    );
  });

  it('closes an expired job on read and by the sweep', async () => {
    const soon = new Date(t.clock.now.getTime() + DAY).toISOString();
    const a = await employer.trpc.jobs.create.mutate({ ...nurseJob, expiresAt: soon });
    const b = await employer.trpc.jobs.create.mutate({ ...nurseJob, expiresAt: soon });
    t.clock.advance(2 * DAY);
    expect(await codeOf(seeker.trpc.jobs.get.query({ id: a.id }))).toBe('NOT_FOUND');
    expect((await employer.trpc.jobs.get.query({ id: a.id })).status).toBe('closed');
    expect(await closeExpiredJobs(t.db, t.clock.now)).toBe(1);
    expect((await employer.trpc.jobs.get.query({ id: b.id })).status).toBe('closed');
    expect(await failureOf(employer.trpc.jobs.setStatus.mutate({ id: b.id, status: 'active' }))).toMatchObject({
      message: 'This job has expired. Set a later expiry date, then post it again.',
    });
  });
});

describe('jobs.update', () => {
  it('changes fields and skills, and re-embeds only when the text or skills change', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    await t.settle();
    const salaryOnly = await employer.trpc.jobs.update.mutate({ id: job.id, salaryMax: 95000 });
    expect(salaryOnly).toMatchObject({ salaryMax: '95000.00', embedding: 'ready' });
    const retitled = await employer.trpc.jobs.update.mutate({
      id: job.id,
      title: 'Pediatric ICU Nurse',
      skills: [{ name: 'Critical Care', required: true, priority: 1 }],
    });
    expect(retitled).toMatchObject({ title: 'Pediatric ICU Nurse', embedding: 'pending' });
    expect(retitled.skills.map((s) => s.name)).toEqual(['Critical Care']);
    await t.settle();
    expect((await employer.trpc.jobs.get.query({ id: job.id })).embedding).toBe('ready');
  });

  it('refuses a salary range made inverted by the update', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    expect(await failureOf(employer.trpc.jobs.update.mutate({ id: job.id, salaryMin: 100000 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'salaryMax: The minimum salary cannot be above the maximum.',
    });
    expect((await employer.trpc.jobs.get.query({ id: job.id })).salaryMin).toBe('70000.00');
  });

  it('ends parallel edits of one job in one of the edits, whole', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const titles = Array.from({ length: 8 }, (_, i) => `Nurse edit ${i}`);
    await Promise.all(
      titles.map((title, i) =>
        employer.trpc.jobs.update.mutate({
          id: job.id,
          title,
          skills: [{ name: i % 2 ? 'Pediatrics' : 'Triage', required: true, priority: 1 }],
        }),
      ),
    );
    const final = await employer.trpc.jobs.get.query({ id: job.id });
    const i = titles.indexOf(final.title);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(final.skills.map((s) => s.name)).toEqual([i % 2 ? 'Pediatrics' : 'Triage']);
  });
});

describe('jobs.get', () => {
  it('carries the job as schema.org JobPosting JSON-LD', async () => {
    const job = await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      remoteAllowed: true,
      expiresAt: '2027-01-31T00:00:00Z',
    });
    const { jsonLd } = await apiClient(t.app).trpc.jobs.get.query({ id: job.id });
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      // A remote job names where applicants may live (Google requires it with TELECOMMUTE): from the pay's currency.
      applicantLocationRequirements: { '@type': 'Country', name: 'US' },
      title: 'Pediatric Nurse',
      description: nurseJob.description,
      identifier: { '@type': 'PropertyValue', name: 'Acme Health', value: String(job.id) },
      datePosted: '2026-11-25',
      validThrough: '2027-01-31T00:00:00.000Z',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: 'Acme Health' },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Boston', addressRegion: 'MA' },
      },
      jobLocationType: 'TELECOMMUTE',
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' },
      },
      skills: 'Pediatrics, Registered Nurse, Patient Education',
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 24 },
    });
  });

  it('is cacheable at the edge when anonymous, and never when signed in', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const url = `http://localhost/trpc/jobs.get?input=${encodeURIComponent(JSON.stringify({ id: job.id }))}`;
    expect((await t.app.request(url)).headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    const signedIn = await seeker.fetch(url);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect((await t.app.request('http://localhost/trpc/auth.me')).headers.get('cache-control')).toBe('no-store');
  });
});
