import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, PASSWORD, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let seeker: Client & { id: number };
let jobId: number;
const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  await employer.trpc.sources.create.mutate({ name: 'Board', format: 'json-ld' });
  seeker = await seekerClient(t.app, 'james@example.com', { firstName: 'Jameson', lastName: 'Oconnorly' });
  await seeker.trpc.seekers.updateProfile.mutate({ phone: '+1 773 555 0199', location: 'Chicago, IL' });
  await seeker.trpc.seekers.setResume.mutate({ text: resume });
  await t.settle();
  await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: 'My private cover letter.' });
});

/** Every row of every table as text: where a person's data could still hide. */
async function everything() {
  const tables = await t.pg.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public'`);
  const parts: string[] = [];
  for (const { tablename } of tables.rows) {
    const rows = await t.pg.query<{ row: string }>(`select t::text as row from "${tablename}" t`);
    parts.push(...rows.rows.map((r) => `${tablename}: ${r.row}`));
  }
  return parts.join('\n');
}

describe('account.export', () => {
  it('gives a seeker everything held about them, the resume as JSON Resume, without secrets', async () => {
    const data = await seeker.trpc.account.export.query();
    expect(data).toMatchObject({
      format: 'fitwork-account-export/1',
      account: {
        email: 'james@example.com',
        userType: 'job_seeker',
        profile: { firstName: 'Jameson', phone: '+1 773 555 0199' },
      },
    });
    if (!('resume' in data)) throw new Error('a seeker export has a resume');
    expect(data.resume).toMatchObject({
      text: resume,
      parserModel: 'local-parser-v1',
      embeddingModel: 'local-hash-v2',
    });
    expect(data.resume!.jsonResume).toMatchObject({
      basics: { name: "James O'Connor" },
      work: expect.any(Array),
      education: expect.any(Array),
    });
    expect(data.skills.map((s) => s.name)).toContain('Pediatrics');
    expect(data.applications[0]).toMatchObject({
      job: { id: jobId },
      coverLetter: 'My private cover letter.',
      history: [{ toStatus: 'submitted' }],
    });
    expect(data.matches[0]).toMatchObject({
      jobId,
      overallScore: expect.any(Number),
      reasoning: expect.stringMatching(/^You have/),
      algorithmVersion: 'blend-v2',
    });
    expect(data.sessions).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|secretHash|secret_hash|whsec_/);
    expect(text).not.toContain(seeker.jar.get('session')!.split('.')[1]!);
  });

  it('carries each skill’s origin, and the seeker’s own skills with their review state', async () => {
    const read = await seeker.trpc.seekers.skills.query();
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        ...read.map((s, i) => ({ name: s.name, confirm: i === 0 })),
        { name: 'Oconnorly Splinting Method', proficiencyLevel: 'expert', yearsExperience: 3 },
      ],
    });
    const data = await seeker.trpc.account.export.query();
    if (!('skills' in data)) throw new Error('a seeker export has skills');
    expect(data.skills.find((s) => s.name === read[0]!.name)).toMatchObject({ source: 'confirmed', custom: false });
    expect(data.skills.find((s) => s.name === read[1]!.name)).toMatchObject({
      source: 'resume',
      evidence: expect.any(String),
    });
    expect(data.skills.find((s) => s.name === 'Oconnorly Splinting Method')).toMatchObject({
      source: 'typed',
      custom: true,
      inReview: true,
      skillId: null,
      proficiencyLevel: 'expert',
    });
  });

  it('gives an employer their company, jobs and boards, without the signing secret', async () => {
    const data = await employer.trpc.account.export.query();
    if (!('jobs' in data)) throw new Error('an employer export has jobs');
    expect(data.jobs.map((j) => j.id)).toEqual([jobId]);
    expect(data.jobBoards[0]).toMatchObject({ name: 'Board', format: 'json-ld' });
    expect(JSON.stringify(data)).not.toMatch(/whsec_|argon2/);
    expect(await codeOf(apiClient(t.app).trpc.account.export.query())).toBe('UNAUTHORIZED');
  });
});

describe('account.delete', () => {
  it('asks for the password and changes nothing without it', async () => {
    expect(await failureOf(seeker.trpc.account.delete.mutate({ password: 'not my password' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Your password is not correct.',
    });
    expect((await seeker.trpc.auth.me.query())?.email).toBe('james@example.com');
  });

  it('erases a seeker everywhere, leaving the employer an anonymous application', async () => {
    await seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Oconnorly Splinting Method' }] });
    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(seeker.jar.has('session')).toBe(false);
    const all = await everything();
    for (const personal of [
      'james@example.com',
      'Jameson',
      'Oconnorly',
      '555 0199',
      'Lakeshore Children',
      'My private cover letter',
      'Pediatric registered nurse with 5 years',
    ]) {
      expect(all).not.toContain(personal);
    }
    const { applications, counts } = await employer.trpc.applications.forJob.query({ jobId });
    expect(counts.submitted).toBe(1);
    expect(applications[0]).toMatchObject({
      seeker: null,
      coverLetter: null,
      matchReasoning: null,
      status: 'submitted',
    });
    await employer.trpc.applications.setStatus.mutate({ id: applications[0]!.id, status: 'reviewed' });
    expect(
      await codeOf(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'james@example.com', password: PASSWORD })),
    ).toBe('UNAUTHORIZED');
  });

  it('erases the invitations to join a team sent to the person’s address', async () => {
    await employer.trpc.companies.invite.mutate({ email: 'james@example.com', role: 'interviewer' });
    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await everything()).not.toContain('james@example.com');
  });

  it('closes an employer’s jobs, disconnects their boards and scrubs their login', async () => {
    await employer.trpc.account.delete.mutate({ password: PASSWORD });
    const rows = await t.pg.query<{ status: string }>('select status from jobs');
    expect(rows.rows).toEqual([{ status: 'closed' }]);
    expect((await t.pg.query('select count(*)::int as n from job_sources')).rows).toEqual([{ n: 0 }]);
    expect((await t.pg.query('select count(*)::int as n from applications')).rows).toEqual([{ n: 1 }]);
    expect(await everything()).not.toContain('boss@acme.example');
    expect(
      await codeOf(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'boss@acme.example', password: PASSWORD })),
    ).toBe('UNAUTHORIZED');
    expect((await seeker.trpc.applications.mine.query())[0]!.job.status).toBe('closed');
  });
});
