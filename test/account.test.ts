import { beforeEach, describe, expect, it } from 'vitest';
import { runMaintenance } from '../server/maintenance.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, PASSWORD, seekerClient, type Client } from './helpers/actors.ts';
import { assignInterview, teamMember } from './helpers/teams.ts';

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

/** Seeker made visible, a second job matched, and its employer's invitation to apply sent. */
async function inviteSeekerToASecondJob(message: string) {
  await seeker.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
  const second = (await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Pediatric Nurse, nights' })).id;
  await t.settle();
  const candidate = (await employer.trpc.matches.candidatesForJob.query({ jobId: second })).find((c) => !c.identified);
  if (!candidate || candidate.identified) throw new Error('the seeker is an anonymous candidate of the second job');
  await employer.trpc.invitations.send.mutate({ jobId: second, candidateId: candidate.candidateId, message });
  return second;
}

describe('account.export', () => {
  it('carries the seeker’s consent to be found and their invitations, and the employer’s sent ones', async () => {
    const second = await inviteSeekerToASecondJob('We would like you on our night shift.');
    const data = await seeker.trpc.account.export.query();
    if (!('invitations' in data)) throw new Error('a seeker export has invitations');
    expect(data.visibleToEmployers).toBe(true);
    expect(data.invitations).toEqual([
      expect.objectContaining({
        message: 'We would like you on our night shift.',
        status: 'open',
        job: expect.objectContaining({ id: second }),
      }),
    ]);
    const sent = await employer.trpc.account.export.query();
    if (!('invitationsSent' in sent)) throw new Error('an employer export has the invitations sent');
    expect(sent.invitationsSent).toEqual([
      expect.objectContaining({ jobId: second, message: 'We would like you on our night shift.', status: 'open' }),
    ]);
  });

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

  it('carries the person’s notifications and preferences, never an unsubscribe token', async () => {
    await employer.trpc.notifications.setPreferences.mutate({ preferences: [{ kind: 'job_expiring', email: false }] });
    const data = await employer.trpc.account.export.query();
    expect(data.notifications).toEqual([
      expect.objectContaining({ kind: 'new_applicant', title: `A new candidate applied to ${nurseJob.title}` }),
    ]);
    expect(data.notificationPreferences).toEqual([
      expect.objectContaining({ kind: 'job_expiring', inApp: true, email: false }),
    ]);
    expect(data.unsubscribeLinks).toEqual([expect.objectContaining({ kind: 'new_applicant' })]);
    expect(JSON.stringify(data)).not.toMatch(/unsubscribe\?token=|tokenHash/);
  });

  it('gives an employer their company, jobs and boards, without the signing secret', async () => {
    const data = await employer.trpc.account.export.query();
    if (!('jobs' in data)) throw new Error('an employer export has jobs');
    expect(data.jobs.map((j) => j.id)).toEqual([jobId]);
    expect(data.jobBoards[0]).toMatchObject({ name: 'Board', format: 'json-ld' });
    expect(JSON.stringify(data)).not.toMatch(/whsec_|argon2/);
    expect(await codeOf(apiClient(t.app).trpc.account.export.query())).toBe('UNAUTHORIZED');
  });

  it('gives an employer the private notes they wrote, with the application and the time', async () => {
    const applicationId = (await seeker.trpc.applications.mine.query())[0]!.id;
    await employer.trpc.applications.addNote.mutate({ applicationId, body: 'Call her on Monday about nights.' });
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival Health');
    const data = await employer.trpc.account.export.query();
    if (!('notesWritten' in data)) throw new Error('an employer export has the notes they wrote');
    expect(data.notesWritten).toEqual([
      { applicationId, body: 'Call her on Monday about nights.', createdAt: expect.any(String) },
    ]);
    const theirs = await rival.trpc.account.export.query();
    if (!('notesWritten' in theirs)) throw new Error('an employer export has the notes they wrote');
    expect(theirs.notesWritten).toEqual([]);
    expect(JSON.stringify(await seeker.trpc.account.export.query())).not.toContain('Call her on Monday');
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
    await inviteSeekerToASecondJob('Jameson-only invitation text');
    await seeker.trpc.jobs.save.mutate({ jobId });
    await seeker.trpc.alerts.create.mutate({ q: 'Oconnorly pediatric nights', frequency: 'daily' });
    await seeker.trpc.alerts.setSettings.mutate({ matchThreshold: 81, matchEmails: true });
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
      'Jameson-only invitation text',
    ]) {
      expect(all).not.toContain(personal);
    }
    for (const table of ['saved_jobs', 'job_alerts', 'alert_settings', 'alert_digests', 'alert_sent_jobs'])
      expect((await t.pg.query(`select count(*)::int as n from ${table}`)).rows).toEqual([{ n: 0 }]);
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
    await inviteSeekerToASecondJob('Signed, Bossmanly of Acme');
    await employer.trpc.notifications.setPreferences.mutate({ preferences: [{ kind: 'job_expiring', email: false }] });
    await employer.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await everything()).not.toContain('Bossmanly');
    // The employer's user row stays (their jobs' history needs it): their notifications go explicitly.
    for (const table of ['notifications', 'notification_preferences', 'unsubscribe_tokens'])
      expect(
        (await t.pg.query(`select count(*)::int as n from ${table} where user_id = $1`, [employer.id])).rows,
      ).toEqual([{ n: 0 }]);
    const rows = await t.pg.query<{ status: string }>('select status from jobs');
    expect(rows.rows).toEqual([{ status: 'closed' }, { status: 'closed' }]);
    expect((await t.pg.query('select count(*)::int as n from job_sources')).rows).toEqual([{ n: 0 }]);
    expect((await t.pg.query('select count(*)::int as n from applications')).rows).toEqual([{ n: 1 }]);
    expect(await everything()).not.toContain('boss@acme.example');
    expect(
      await codeOf(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'boss@acme.example', password: PASSWORD })),
    ).toBe('UNAUTHORIZED');
    expect((await seeker.trpc.applications.mine.query())[0]!.job.status).toBe('closed');
  });
});

describe('scorecards on erasure', () => {
  /** An interviewer of the employer's team, assigned to the seeker's application, whose card is in. */
  async function cardAboutTheSeeker(notes: string) {
    const interviewer = await teamMember(t.app, employer, 'ivan@acme.example', 'interviewer');
    const applicationId = (await employer.trpc.applications.forJob.query({ jobId })).applications[0]!.id;
    await assignInterview(t.db, applicationId, [interviewer.id]);
    const { skills } = await interviewer.trpc.scorecards.forApplication.query({ applicationId });
    await interviewer.trpc.scorecards.submit.mutate({
      applicationId,
      ratings: skills.map((s) => ({ skillId: s.skillId, rating: 3 })),
      recommendation: 'yes',
      notes,
    });
    return { interviewer, applicationId };
  }

  it('erases what interviewers wrote about an erased candidate, and keeps the ratings', async () => {
    await cardAboutTheSeeker('Jameson Oconnorly knew every dosage table by heart.');
    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await everything()).not.toContain('Oconnorly');
    const cards = await t.pg.query<{ notes: string | null; recommendation: string }>(
      'select notes, recommendation from scorecards',
    );
    expect(cards.rows).toEqual([{ notes: null, recommendation: 'yes' }]);
  });

  it('keeps an erased interviewer’s card with the company, anonymous and without their notes', async () => {
    const { interviewer, applicationId } = await cardAboutTheSeeker('Ivan’s own words about the candidate.');
    await interviewer.trpc.account.delete.mutate({ password: PASSWORD });
    const all = await everything();
    expect(all).not.toContain('ivan@acme.example');
    expect(all).not.toContain('Ivan’s own words');
    const { others } = await employer.trpc.scorecards.forApplication.query({ applicationId });
    expect(others).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ email: null, role: null }), notes: null }),
    ]);
    expect(others[0]!.ratings).toHaveLength(3);
  });
});

describe('account.export of saved jobs and alerts', () => {
  it('holds the saved jobs, the alerts, the alert settings and the digests sent', async () => {
    await seeker.trpc.jobs.save.mutate({ jobId });
    await seeker.trpc.alerts.create.mutate({ q: 'pediatric', filters: { remoteAllowed: false }, frequency: 'weekly' });
    await seeker.trpc.alerts.setSettings.mutate({ matchThreshold: 80, matchEmails: false });
    const data = await seeker.trpc.account.export.query();
    if (!('savedJobs' in data)) throw new Error('a seeker export has saved jobs');
    expect(data.savedJobs).toEqual([expect.objectContaining({ jobId, title: 'Pediatric Nurse', closed: false })]);
    expect(data.jobAlerts).toEqual([
      expect.objectContaining({ q: 'pediatric', filters: { remoteAllowed: false }, frequency: 'weekly' }),
    ]);
    expect(data.alertSettings).toEqual({ matchThreshold: 80, matchEmails: false });
    expect(data.alertDigests).toEqual([]);
  });
});

describe('interviews in the account (issue 19)', () => {
  const slots = [{ start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T11:00:00+02:00' }];

  it('exports the candidate’s interviews, and erasure calls them off and drops their words to the company', async () => {
    const applicationId = (await seeker.trpc.applications.mine.query())[0]!.id;
    const { id } = await employer.trpc.interviews.propose.mutate({
      applicationId,
      slots,
      timeZone: 'Europe/Berlin',
      interviewerIds: [employer.id],
    });
    await seeker.trpc.interviews.requestOtherTimes.mutate({ interviewId: id, message: 'Jameson-only: Tuesdays work' });
    const data = await seeker.trpc.account.export.query();
    if (!('interviews' in data)) throw new Error('a seeker export has interviews');
    expect(data.interviews).toEqual([
      expect.objectContaining({ id, status: 'other_times_requested', timeZone: 'Europe/Berlin' }),
    ]);
    expect(await everything()).toContain('Jameson-only: Tuesdays work');

    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await everything()).not.toContain('Jameson-only');
    const [left] = (await employer.trpc.interviews.mine.query()).interviews;
    expect(left).toMatchObject({ id, status: 'cancelled', candidateName: 'Anonymous candidate' });
  });

  it('keeps an interview with its application, but drops its offered times and links 90 days after it', async () => {
    const applicationId = (await seeker.trpc.applications.mine.query())[0]!.id;
    const { id } = await employer.trpc.interviews.propose.mutate({
      applicationId,
      slots: [...slots, { start: '2027-03-31T10:00:00+02:00', end: '2027-03-31T11:00:00+02:00' }],
      timeZone: 'Europe/Berlin',
      videoLink: 'https://meet.example.com/acme-room',
      interviewerIds: [employer.id],
    });
    const slotId = (await seeker.trpc.interviews.mine.query()).interviews[0]!.slots[0]!.id;
    await seeker.trpc.interviews.choose.mutate({ interviewId: id, slotId });
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 24 };
    const afterInterview = new Date('2027-03-30T09:00:00Z');
    const day = 24 * 60 * 60_000;
    await runMaintenance(t.db, { now: new Date(afterInterview.getTime() + 89 * day), config });
    expect((await t.pg.query('select count(*)::int as n from interview_slots')).rows).toEqual([{ n: 2 }]);
    const result = await runMaintenance(t.db, { now: new Date(afterInterview.getTime() + 91 * day), config });
    expect(result.purgedInterviewLogistics).toBe(3);
    expect((await t.pg.query('select count(*)::int as n from interview_slots')).rows).toEqual([{ n: 0 }]);
    expect((await employer.trpc.interviews.forApplication.query({ applicationId }))[0]).toMatchObject({
      id,
      status: 'scheduled',
      videoLink: null,
      start: '2027-03-30T08:00:00.000Z',
    });
  });
});
