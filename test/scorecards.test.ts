/**
 * Scorecards (issue 19 part 4): only assigned members leave one, a rating per skill the job asks
 * for; owners and recruiters read them all, an interviewer their own (the others' once theirs is
 * in); the candidate never sees any.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import { type Client, codeOf, employerClient, failureOf, nurseJob, seekerClient } from './helpers/actors.ts';
import { assignInterview, teamMember } from './helpers/teams.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let owner: Client & { id: number };
let recruiter: Client & { id: number };
let ivan: Client & { id: number };
let ines: Client & { id: number };
let seeker: Client & { id: number };
let applicationId: number;

const NOTES = 'Calm under pressure; explained dosage checks clearly.';

beforeEach(async () => {
  t = await createTestApp();
  owner = await employerClient(t.app, 'owner@acme.example', 'Acme Health');
  recruiter = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
  ivan = await teamMember(t.app, owner, 'ivan@acme.example', 'interviewer');
  ines = await teamMember(t.app, owner, 'ines@acme.example', 'interviewer');
  const job = await owner.trpc.jobs.create.mutate(nurseJob);
  seeker = await seekerClient(t.app, 'maria@example.com');
  await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[0]!.text });
  await t.settle();
  applicationId = (await seeker.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: null })).id;
});

/** A full card from `client`: every skill the form lists, rated `rating`. */
async function submitCard(client: Client, rating: number, recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes') {
  const { skills } = await client.trpc.scorecards.forApplication.query({ applicationId });
  return client.trpc.scorecards.submit.mutate({
    applicationId,
    ratings: skills.map((s) => ({ skillId: s.skillId, rating })),
    recommendation,
    notes: NOTES,
  });
}

describe('who leaves a scorecard', () => {
  it('lets an assigned interviewer submit, and edit their own card by sending it again', async () => {
    await assignInterview(t.db, applicationId, [ivan.id]);
    const form = await ivan.trpc.scorecards.forApplication.query({ applicationId });
    expect(form.skills.map((s) => s.name)).toEqual(['Pediatrics', 'Registered Nurse', 'Patient Education']);
    expect(form).toMatchObject({ canSubmit: true, mine: null, others: [], othersHidden: 0 });
    const first = await submitCard(ivan, 3, 'yes');
    expect(first).toMatchObject({
      author: { userId: ivan.id, email: 'ivan@acme.example', role: 'interviewer' },
      recommendation: 'yes',
      notes: NOTES,
      editedAt: null,
    });
    expect(first.ratings.map((r) => [r.skill, r.rating])).toEqual([
      ['Pediatrics', 3],
      ['Registered Nurse', 3],
      ['Patient Education', 3],
    ]);
    t.clock.advance(60_000);
    const edited = await submitCard(ivan, 4, 'strong_yes');
    expect(edited).toMatchObject({ id: first.id, recommendation: 'strong_yes', submittedAt: first.submittedAt });
    expect(edited.editedAt).not.toBeNull();
    expect((await t.pg.query('select count(*)::int as n from scorecards')).rows).toEqual([{ n: 1 }]);
  });

  it('refuses unassigned members, whatever their role, and other companies', async () => {
    await assignInterview(t.db, applicationId, [ivan.id]);
    const { skills } = await ivan.trpc.scorecards.forApplication.query({ applicationId });
    const card = {
      applicationId,
      ratings: skills.map((s) => ({ skillId: s.skillId, rating: 2 })),
      recommendation: 'no' as const,
    };
    // Ines is an interviewer of the company, but not of this application: it does not exist for her.
    expect(await codeOf(ines.trpc.scorecards.submit.mutate(card))).toBe('NOT_FOUND');
    expect(await codeOf(ines.trpc.scorecards.forApplication.query({ applicationId }))).toBe('NOT_FOUND');
    const refusal = await failureOf(recruiter.trpc.scorecards.submit.mutate(card));
    expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal.message).toBe('Only the interviewers assigned to this application can leave a scorecard.');
    expect(await codeOf(owner.trpc.scorecards.submit.mutate(card))).toBe('FORBIDDEN');
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    expect(await codeOf(rival.trpc.scorecards.submit.mutate(card))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.scorecards.forApplication.query({ applicationId }))).toBe('NOT_FOUND');
    expect(await codeOf(seeker.trpc.scorecards.forApplication.query({ applicationId }))).toBe('FORBIDDEN');
    // A recruiter who interviews the candidate is assigned like anyone else.
    await assignInterview(t.db, applicationId, [recruiter.id]);
    expect(await codeOf(recruiter.trpc.scorecards.submit.mutate(card))).toBe('OK');
    expect((await recruiter.trpc.scorecards.forApplication.query({ applicationId })).canSubmit).toBe(true);
    expect((await owner.trpc.scorecards.forApplication.query({ applicationId })).canSubmit).toBe(false);
  });

  it('validates the ratings against the skills the job asks for', async () => {
    await assignInterview(t.db, applicationId, [ivan.id]);
    const { skills } = await ivan.trpc.scorecards.forApplication.query({ applicationId });
    const all = skills.map((s) => ({ skillId: s.skillId, rating: 3 }));
    const send = (ratings: { skillId: number; rating: number }[]) =>
      failureOf(ivan.trpc.scorecards.submit.mutate({ applicationId, ratings, recommendation: 'yes' }));
    expect(await send([...all, { skillId: 999_999, rating: 3 }])).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This job does not ask for one of the skills rated: reload the form.',
    });
    expect((await send(all.slice(1))).message).toBe(
      'Rate Pediatrics too: every skill the job asks for needs a rating.',
    );
    expect((await send([...all, all[0]!])).message).toBe('Pediatrics is rated twice.');
    const outOfScale = await send(all.map((r) => ({ ...r, rating: 5 })));
    expect(outOfScale.fieldErrors?.['ratings.0.rating']).toEqual(['Rate each skill from 1 to 4.']);
    expect(await codeOf(submitCard(ivan, 0, 'yes'))).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        ivan.trpc.scorecards.submit.mutate({
          applicationId,
          ratings: all,
          recommendation: 'maybe' as 'yes',
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        ivan.trpc.scorecards.submit.mutate({
          applicationId,
          ratings: all,
          recommendation: 'yes',
          notes: 'x'.repeat(5_001),
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect((await t.pg.query('select count(*)::int as n from scorecards')).rows).toEqual([{ n: 0 }]);
  });
});

describe('the feedback list', () => {
  it('lists the applications the caller interviews, with the candidate and whether their card is in', async () => {
    expect(await ivan.trpc.scorecards.mine.query()).toEqual([]);
    await assignInterview(t.db, applicationId, [ivan.id]);
    await assignInterview(t.db, applicationId, [ivan.id]);
    const [row, ...rest] = await ivan.trpc.scorecards.mine.query();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      applicationId,
      job: { title: 'Pediatric Nurse' },
      candidate: 'Sam Lee',
      submitted: false,
    });
    await submitCard(ivan, 3, 'yes');
    expect((await ivan.trpc.scorecards.mine.query())[0]?.submitted).toBe(true);
    expect(await ines.trpc.scorecards.mine.query()).toEqual([]);
    expect(await owner.trpc.scorecards.mine.query()).toEqual([]);
  });
});

describe('who reads them', () => {
  it('shows owners and recruiters every card with its author; an interviewer the others only after theirs', async () => {
    await assignInterview(t.db, applicationId, [ivan.id, ines.id]);
    await submitCard(ivan, 3, 'yes');
    const beforeHers = await ines.trpc.scorecards.forApplication.query({ applicationId });
    expect(beforeHers).toMatchObject({ mine: null, others: [], othersHidden: 1 });
    await submitCard(ines, 2, 'no');
    const afterHers = await ines.trpc.scorecards.forApplication.query({ applicationId });
    expect(afterHers.mine?.recommendation).toBe('no');
    expect(afterHers.others.map((c) => c.author.email)).toEqual(['ivan@acme.example']);
    expect(afterHers.othersHidden).toBe(0);

    for (const manager of [owner, recruiter]) {
      const view = await manager.trpc.scorecards.forApplication.query({ applicationId });
      expect(view.mine).toBeNull();
      expect(view.others.map((c) => [c.author.email, c.recommendation, c.notes])).toEqual([
        ['ivan@acme.example', 'yes', NOTES],
        ['ines@acme.example', 'no', NOTES],
      ]);
    }
  });

  it('never gives the candidate a card: not in their applications, their export or their notifications', async () => {
    await assignInterview(t.db, applicationId, [ivan.id]);
    await submitCard(ivan, 4, 'strong_yes');
    await owner.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    const seen = JSON.stringify([
      await seeker.trpc.applications.mine.query(),
      await seeker.trpc.account.export.query(),
      await seeker.trpc.notifications.list.query({}),
    ]);
    expect(seen).toContain(String(applicationId));
    for (const secret of [NOTES, 'strong_yes', 'scorecard', 'ivan@acme.example', 'recommendation'])
      expect(seen).not.toContain(secret);
  });

  it('keeps the cards as long as the application, and hands them to their author in the export', async () => {
    await assignInterview(t.db, applicationId, [ivan.id]);
    await submitCard(ivan, 3, 'yes');
    const data = await ivan.trpc.account.export.query();
    if (!('team' in data)) throw new Error('an employer export has the team data');
    expect(data.team.scorecardsWritten).toEqual([
      expect.objectContaining({ applicationId, recommendation: 'yes', notes: NOTES }),
    ]);
    expect(data.team.scorecardsWritten[0]!.ratings).toHaveLength(3);
    await t.pg.query('delete from applications where id = $1', [applicationId]);
    expect((await t.pg.query('select count(*)::int as n from scorecards')).rows).toEqual([{ n: 0 }]);
  });
});
