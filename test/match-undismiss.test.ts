import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let seeker: Client & { id: number };
let jobId: number;

beforeEach(async () => {
  t = await createTestApp();
  const employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  seeker = await seekerClient(t.app, 'james@example.com');
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text });
  await t.settle();
});

const shownJobs = async () => (await seeker.trpc.matches.forMe.query({})).items.map((m) => m.jobId);

describe('dismissing a match, with a reason, and undoing it', () => {
  it('takes "wrong skills" as a reason, and undismiss shows the match again without it', async () => {
    expect(await shownJobs()).toContain(jobId);
    await seeker.trpc.matches.dismiss.mutate({ jobId, reason: 'wrong_skills' });
    expect(await shownJobs()).not.toContain(jobId);
    expect((await t.pg.query('select feedback from matches where job_id = $1', [jobId])).rows).toEqual([
      { feedback: 'wrong_skills' },
    ]);
    expect(await seeker.trpc.matches.undismiss.mutate({ jobId })).toEqual({ jobId, dismissed: false });
    expect(await shownJobs()).toContain(jobId);
    expect((await t.pg.query('select feedback, dismissed_at from matches where job_id = $1', [jobId])).rows).toEqual([
      { feedback: null, dismissed_at: null },
    ]);
  });

  it('is the seeker’s own: another seeker’s undismiss answers NOT_FOUND and changes nothing', async () => {
    await seeker.trpc.matches.dismiss.mutate({ jobId, reason: 'other' });
    const other = await seekerClient(t.app, 'kim@example.com');
    expect(await codeOf(other.trpc.matches.undismiss.mutate({ jobId }))).toBe('NOT_FOUND');
    expect(await shownJobs()).not.toContain(jobId);
  });
});
