import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let rival: Client & { id: number };
let seeker: Client & { id: number };
let jobId: number;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
  seeker = await seekerClient(t.app, 'james@example.com', { firstName: 'James', lastName: 'Oconnor' });
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text });
  await t.settle();
});

describe('applying', () => {
  it('stores the current match score and reasoning, marks the match applied, and records the event', async () => {
    const match = (await seeker.trpc.matches.forMe.query({})).items.find((m) => m.jobId === jobId)!;
    const application = await seeker.trpc.applications.submit.mutate({
      jobId,
      coverLetter: '  I care for children.  ',
    });
    expect(application).toMatchObject({ jobId, status: 'submitted', submittedAt: t.clock.now.toISOString() });
    const [mine] = await seeker.trpc.applications.mine.query();
    expect(mine).toMatchObject({
      id: application.id,
      status: 'submitted',
      coverLetter: 'I care for children.',
      matchScore: match.overallScore,
      job: { id: jobId, title: 'Pediatric Nurse', companyName: 'Acme Health' },
    });
    expect(mine!.history).toEqual([
      { fromStatus: null, toStatus: 'submitted', by: 'you', at: t.clock.now.toISOString() },
    ]);
    expect((await seeker.trpc.matches.forMe.query({})).items.find((m) => m.jobId === jobId)!.applied).toBe(true);
  });

  it('answers the contract name applications.apply over HTTP too', async () => {
    const response = await seeker.fetch('http://localhost/trpc/applications.apply', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jobId, coverLetter: null }),
    });
    expect(response.status).toBe(200);
    expect((await seeker.trpc.applications.mine.query()).map((a) => a.job.id)).toEqual([jobId]);
  });

  it('lets exactly one of 50 simultaneous applies through; the others get CONFLICT', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.data.code).toBe('CONFLICT');
    expect((await t.pg.query('select count(*)::int as n from applications')).rows[0]).toEqual({ n: 1 });
    expect((await t.pg.query('select count(*)::int as n from application_events')).rows[0]).toEqual({ n: 1 });
  });

  it('refuses a second apply, a too long cover letter, a closed job, and anyone but a seeker', async () => {
    await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    expect(await failureOf(seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null }))).toMatchObject({
      code: 'CONFLICT',
      message: 'You have already applied to this job.',
    });
    const other = await seekerClient(t.app, 'kim@example.com');
    expect(
      await failureOf(other.trpc.applications.submit.mutate({ jobId, coverLetter: 'x'.repeat(10_001) })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'coverLetter: A cover letter can be at most 10,000 characters.' });
    await employer.trpc.jobs.setStatus.mutate({ id: jobId, status: 'closed' });
    expect(await failureOf(other.trpc.applications.submit.mutate({ jobId, coverLetter: null }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This job is not open for applications.',
    });
    expect(await codeOf(employer.trpc.applications.submit.mutate({ jobId, coverLetter: null }))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.applications.submit.mutate({ jobId, coverLetter: null }))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('the employer’s review', () => {
  let applicationId: number;
  beforeEach(async () => {
    applicationId = (await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: 'Hello' })).id;
  });

  it('lists applicants ranked by match score with status counts, to the job’s owner only', async () => {
    const second = await seekerClient(t.app, 'antoine@example.com', { firstName: 'Antoine', lastName: 'Dubois' });
    await second.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'sous-chef')!.text });
    await t.settle();
    await second.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    const forJob = await employer.trpc.applications.forJob.query({ jobId });
    expect(forJob.applications.map((a) => a.seeker?.firstName)).toEqual(['James', 'Antoine']);
    expect(forJob.counts).toEqual({
      submitted: 2,
      reviewed: 0,
      interview: 0,
      offer: 0,
      accepted: 0,
      rejected: 0,
      withdrawn: 0,
    });
    expect(forJob.applications[0]!.seeker?.email).toBe('james@example.com');
    expect(forJob.applications[0]!.next).toEqual(['reviewed', 'rejected']);
    expect(await codeOf(rival.trpc.applications.forJob.query({ jobId }))).toBe('NOT_FOUND');
    expect(await codeOf(seeker.trpc.applications.forJob.query({ jobId }))).toBe('FORBIDDEN');
  });

  it('moves submitted -> reviewed -> interview -> offer -> accepted, each step in the history of both sides', async () => {
    for (const status of ['reviewed', 'interview', 'offer', 'accepted'] as const) {
      t.clock.advance(60_000);
      expect(await employer.trpc.applications.setStatus.mutate({ id: applicationId, status })).toEqual({
        id: applicationId,
        status,
      });
    }
    const [mine] = await seeker.trpc.applications.mine.query();
    expect(mine!.status).toBe('accepted');
    expect(mine!.history.map((h) => [h.fromStatus, h.toStatus, h.by])).toEqual([
      [null, 'submitted', 'you'],
      ['submitted', 'reviewed', 'employer'],
      ['reviewed', 'interview', 'employer'],
      ['interview', 'offer', 'employer'],
      ['offer', 'accepted', 'employer'],
    ]);
    const { applications } = await employer.trpc.applications.forJob.query({ jobId });
    expect(applications[0]!.history).toHaveLength(5);
  });

  it.each([
    [[], 'interview', 'A submitted application can move to reviewed or rejected, not interview.'],
    [[], 'accepted', 'A submitted application can move to reviewed or rejected, not accepted.'],
    [['reviewed'], 'accepted', 'A reviewed application can move to interview or rejected, not accepted.'],
    [['rejected'], 'reviewed', 'This application is rejected: its status is final.'],
    [['reviewed', 'interview'], 'accepted', 'An interview application can move to offer or rejected, not accepted.'],
    [['reviewed', 'interview', 'offer', 'accepted'], 'rejected', 'This application is accepted: its status is final.'],
  ] as const)('after %j refuses %s', async (path, status, message) => {
    for (const step of path) await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: step });
    expect(await failureOf(employer.trpc.applications.setStatus.mutate({ id: applicationId, status }))).toMatchObject({
      code: 'BAD_REQUEST',
      message,
    });
  });

  it('rejects from any open state, as a person’s recorded action', async () => {
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'rejected' });
    const events = await t.pg.query<{ actor_id: number; actor_role: string }>(
      'select actor_id, actor_role from application_events where to_status = $1',
      ['rejected'],
    );
    expect(events.rows).toEqual([{ actor_id: employer.id, actor_role: 'employer' }]);
  });

  it('refuses status changes by anyone but the job’s owner', async () => {
    expect(await codeOf(rival.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(seeker.trpc.applications.setStatus.mutate({ id: applicationId, status: 'accepted' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'submitted' as never })),
    ).toBe('BAD_REQUEST');
  });

  it('lets the seeker withdraw while nothing is decided, and only their own', async () => {
    const other = await seekerClient(t.app, 'kim@example.com');
    expect(await codeOf(other.trpc.applications.withdraw.mutate({ id: applicationId }))).toBe('NOT_FOUND');
    expect(await seeker.trpc.applications.withdraw.mutate({ id: applicationId })).toEqual({
      id: applicationId,
      status: 'withdrawn',
    });
    expect(await failureOf(seeker.trpc.applications.withdraw.mutate({ id: applicationId }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This application is withdrawn: it can no longer be withdrawn.',
    });
    expect(await codeOf(employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' }))).toBe(
      'BAD_REQUEST',
    );
  });
});
