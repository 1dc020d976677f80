import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { employerClient, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
});

describe("the employer's job list", () => {
  it('counts the applications of each job, and none for a job nobody applied to', async () => {
    const popular = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
    const quiet = (await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Night Nurse' })).id;
    for (const email of ['a@example.com', 'b@example.com']) {
      const seeker = await seekerClient(t.app, email);
      await seeker.trpc.applications.submit.mutate({ jobId: popular, coverLetter: null });
    }
    const counts = Object.fromEntries(
      (await employer.trpc.jobs.mine.query()).map((job) => [job.id, job.applicationCount]),
    );
    expect(counts).toEqual({ [popular]: 2, [quiet]: 0 });
  });
});
