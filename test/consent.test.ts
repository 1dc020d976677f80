/**
 * Issue 16 parts 2 and 3: a seeker is shown to employers only with their consent, and then
 * anonymously until they apply; employers invite anonymous candidates to apply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { candidateIdOf, identifyingNames, scrub } from '../server/matching/anonymous.ts';
import { DAILY_INVITATIONS } from '../server/invitations/service.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, seekerClient, type Client } from './helpers/actors.ts';

const NURSE_RESUME = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
/** A user id no other number of the answers is likely to equal, so searching for it means something. */
const SEEKER_ID = 730_001;
/** What would tell the employer who the seeker is: names, contacts, employers, school, user id. */
const IDENTIFYING = [
  'Jameson',
  'Oconnorly',
  "O'Connor",
  'jameson@example.com',
  'james.oconnor@example.com',
  '555 0199',
  '555-0199',
  'Lakeshore',
  'Mercy Community',
  'Loyola',
  String(SEEKER_ID),
];

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let jobId: number;
let seeker: Client & { id: number };

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  await t.pg.query(`alter sequence users_id_seq restart with ${SEEKER_ID}`);
  seeker = await seekerClient(t.app, 'jameson@example.com', { firstName: 'Jameson', lastName: 'Oconnorly' });
  expect(seeker.id).toBe(SEEKER_ID);
  await seeker.trpc.seekers.updateProfile.mutate({ phone: '+1 773 555 0199' });
  await seeker.trpc.seekers.setResume.mutate({ text: NURSE_RESUME });
  await t.settle();
});

/** Everything the employer can be answered about this job, as one text. */
async function everythingTheEmployerSees() {
  return JSON.stringify([
    await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 }),
    await employer.trpc.invitations.forJob.query({ jobId }),
    await employer.trpc.applications.forJob.query({ jobId }),
    await employer.trpc.audit.forEmployer.query({ jobId }),
    await employer.trpc.jobs.mine.query(),
    await employer.trpc.account.export.query(),
  ]);
}

function expectNothingIdentifying(text: string) {
  for (const term of IDENTIFYING) expect(text, term).not.toContain(term);
}

async function anonymousCandidate() {
  const [candidate] = await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 });
  if (!candidate || candidate.identified) throw new Error('expected one anonymous candidate');
  return candidate;
}

describe('consent before a seeker is shown', () => {
  it('hides a new seeker from every employer answer until they say yes, then shows them only anonymously until they apply', async () => {
    expect((await seeker.trpc.seekers.me.query())?.visibleToEmployers).toBe(false);
    expect(await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 })).toEqual([]);
    const hidden = await everythingTheEmployerSees();
    expectNothingIdentifying(hidden);

    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    const candidate = await anonymousCandidate();
    expect(candidate).toMatchObject({
      identified: false,
      candidateId: expect.stringMatching(/^[A-Z2-7]{32}$/),
      pseudonym: `Candidate ${candidate.candidateId.slice(0, 6)}`,
      overallScore: expect.any(Number),
      matchedSkills: expect.arrayContaining([expect.objectContaining({ name: 'Pediatrics' })]),
    });
    // Every field of every answer: no name, contact, employer, school or user id.
    expectNothingIdentifying(await everythingTheEmployerSees());
    // The same candidate id every time, for this job only.
    expect((await anonymousCandidate()).candidateId).toBe(candidate.candidateId);

    await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    const [applicant] = await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 });
    expect(applicant).toMatchObject({
      identified: true,
      seekerId: SEEKER_ID,
      firstName: 'Jameson',
      contact: { email: 'jameson@example.com' },
    });
  });

  it('never shows a visible seeker for a job they dismissed, but shows one who asked for a human review', async () => {
    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await seeker.trpc.matches.dismiss.mutate({ jobId });
    expect(await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 })).toEqual([]);
    expectNothingIdentifying(await everythingTheEmployerSees());

    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: false });
    await seeker.trpc.matches.requestReview.mutate({
      jobId,
      kind: 'human_review',
      message: 'Please have a person read my resume.',
    });
    const [asked] = await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 });
    expect(asked).toMatchObject({ identified: true, firstName: 'Jameson', contact: null, review: { status: 'open' } });
  });

  it('gives each job its own candidate id, not derivable from the user id', async () => {
    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    const other = (await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Pediatric Nurse, nights' })).id;
    await t.settle();
    const [first] = await employer.trpc.matches.candidatesForJob.query({ jobId, minScore: 0 });
    const [second] = await employer.trpc.matches.candidatesForJob.query({ jobId: other, minScore: 0 });
    if (!first || first.identified || !second || second.identified) throw new Error('expected anonymous candidates');
    expect(first.candidateId).not.toBe(second.candidateId);
    const [row] = (
      await t.pg.query<{ candidate_key: string }>('select candidate_key from job_seekers where id = $1', [SEEKER_ID])
    ).rows;
    expect(candidateIdOf(row!.candidate_key, jobId)).toBe(first.candidateId);
    expect(first.candidateId).not.toBe(candidateIdOf(String(SEEKER_ID), jobId));
  });

  it('scrubs names, contacts and employers out of text shown anonymously', () => {
    const names = identifyingNames({
      firstName: 'James',
      lastName: "O'Connor",
      email: 'j@example.com',
      phone: null,
      resumeData: { work: [{ name: "Lakeshore Children's Hospital", position: 'Nurse' }], education: [] },
    });
    expect(
      scrub(
        "Nurse at Lakeshore Children's Hospital; James O'Connor, j@example.com, 773-555-0199, www.james.example",
        names,
      ),
    ).toBe('Nurse at [hidden]; [hidden] [hidden], [hidden], [hidden], [hidden]');
    expect(scrub('Jameson is not James', ['James'])).toBe('Jameson is not [hidden]');
  });
});

describe('invitations to apply', () => {
  beforeEach(async () => {
    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
  });

  it('goes from the employer to the seeker and back, with an email, revealing the seeker only when they apply', async () => {
    const { candidateId, pseudonym } = await anonymousCandidate();
    const sent = await employer.trpc.invitations.send.mutate({
      jobId,
      candidateId,
      message: 'Your pediatrics experience fits our floor. Would you apply?',
    });
    expect(sent).toMatchObject({ candidateId, status: 'open' });
    const mail = await t.pg.query<{ kind: string; to_address: string; recipient_user_id: number; text_body: string }>(
      `select kind, to_address, recipient_user_id, text_body from outbox_messages where kind = 'notify_invitation'`,
    );
    expect(mail.rows).toEqual([
      expect.objectContaining({ to_address: 'jameson@example.com', recipient_user_id: SEEKER_ID }),
    ]);
    expect(mail.rows[0]!.text_body).toMatch(/Acme Health .*Pediatric Nurse/);
    expect(mail.rows[0]!.text_body).toContain('/me/matches');
    expect(await codeOf(employer.trpc.invitations.send.mutate({ jobId, candidateId, message: 'Asking again.' }))).toBe(
      'CONFLICT',
    );
    expect((await anonymousCandidate()).invitation).toMatchObject({ status: 'open' });

    const [mine] = await seeker.trpc.invitations.mine.query();
    expect(mine).toMatchObject({
      message: 'Your pediatrics experience fits our floor. Would you apply?',
      status: 'open',
      job: { id: jobId, title: 'Pediatric Nurse', companyName: 'Acme Health' },
      applied: false,
    });
    const other = await seekerClient(t.app, 'other@example.com');
    expect(await codeOf(other.trpc.invitations.respond.mutate({ id: mine!.id, answer: 'decline' }))).toBe('NOT_FOUND');
    expect(await seeker.trpc.invitations.respond.mutate({ id: mine!.id, answer: 'accept' })).toMatchObject({
      status: 'accepted',
      jobId,
    });
    expect(await codeOf(seeker.trpc.invitations.respond.mutate({ id: mine!.id, answer: 'decline' }))).toBe('CONFLICT');

    const [answered] = await employer.trpc.invitations.forJob.query({ jobId });
    expect(answered).toMatchObject({ candidateId, pseudonym, status: 'accepted', application: null });
    expectNothingIdentifying(await everythingTheEmployerSees());

    await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    const [revealed] = await employer.trpc.invitations.forJob.query({ jobId });
    expect(revealed!.application).toMatchObject({ firstName: 'Jameson', lastName: 'Oconnorly' });
    expect((await seeker.trpc.invitations.mine.query())[0]!.applied).toBe(true);
  });

  it('refuses another employer’s job, a hidden or dismissing seeker, a long message, and more than the daily limit', async () => {
    const { candidateId } = await anonymousCandidate();
    const message = 'We would like you to apply to this job.';
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    expect(await codeOf(rival.trpc.invitations.send.mutate({ jobId, candidateId, message }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.invitations.forJob.query({ jobId }))).toBe('NOT_FOUND');
    expect(await codeOf(seeker.trpc.invitations.forJob.query({ jobId }))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.invitations.mine.query())).toBe('UNAUTHORIZED');
    expect(
      await failureOf(employer.trpc.invitations.send.mutate({ jobId, candidateId, message: 'x'.repeat(2001) })),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { message: ['Keep the message under 2,000 characters.'] } });
    expect(await codeOf(employer.trpc.invitations.send.mutate({ jobId, candidateId: 'A'.repeat(32), message }))).toBe(
      'NOT_FOUND',
    );

    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: false });
    expect(await codeOf(employer.trpc.invitations.send.mutate({ jobId, candidateId, message }))).toBe('NOT_FOUND');
    await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
    await seeker.trpc.matches.dismiss.mutate({ jobId });
    expect(await codeOf(employer.trpc.invitations.send.mutate({ jobId, candidateId, message }))).toBe('NOT_FOUND');
    await seeker.trpc.matches.undismiss.mutate({ jobId });
    expect(await t.pg.query('select * from candidate_invitations')).toMatchObject({ rows: [] });

    // The employer's day is full: invitations of the last 24 hours, to other seekers of other jobs.
    const others = await t.pg.query<{ id: number }>(
      `insert into users (email, password_hash, user_type) select 'filler' || g || '@example.com', '!', 'job_seeker'
       from generate_series(1, ${DAILY_INVITATIONS}) g returning id`,
    );
    await t.pg.query(`insert into job_seekers (id, first_name, last_name) select unnest($1::int[]), 'F', 'L'`, [
      others.rows.map((r) => r.id),
    ]);
    await t.pg.query(
      `insert into candidate_invitations (job_id, job_seeker_id, employer_id, message, created_at)
       select $1, unnest($2::int[]), $3, 'Earlier today.', $4::timestamptz - interval '23 hours'`,
      [jobId, others.rows.map((r) => r.id), employer.id, t.clock.now.toISOString()],
    );
    expect(await failureOf(employer.trpc.invitations.send.mutate({ jobId, candidateId, message }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: `You can send at most ${DAILY_INVITATIONS} invitations a day. Try again tomorrow.`,
    });
    t.clock.advance(3600_000 + 1000);
    expect(await employer.trpc.invitations.send.mutate({ jobId, candidateId, message })).toMatchObject({
      status: 'open',
    });
  });
});
