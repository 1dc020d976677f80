/**
 * Companies with members (issue 19): roles decide what a member may do, invitations join a
 * team once, the last owner stays, and every action on an applicant names the member.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import {
  type Client,
  codeOf,
  employerClient,
  failureOf,
  latestEmailToken,
  nurseJob,
  PASSWORD,
  seekerClient,
} from './helpers/actors.ts';
import { teamMember } from './helpers/teams.ts';
import { runMaintenance } from '../server/maintenance.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let owner: Client & { id: number };

beforeEach(async () => {
  t = await createTestApp();
  owner = await employerClient(t.app, 'owner@acme.example', 'Acme Health');
});

describe('a company of several people', () => {
  it('lets two recruiters of one company both manage its jobs, and no one else', async () => {
    const first = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
    const second = await teamMember(t.app, owner, 'raj@acme.example', 'recruiter');
    const job = await first.trpc.jobs.create.mutate(nurseJob);
    await second.trpc.jobs.update.mutate({ id: job.id, title: 'Senior Pediatric Nurse' });
    expect((await owner.trpc.jobs.mine.query()).map((j) => j.title)).toEqual(['Senior Pediatric Nurse']);
    expect((await first.trpc.jobs.mine.query()).map((j) => j.id)).toEqual([job.id]);
    expect((await second.trpc.employers.me.query())?.companyName).toBe('Acme Health');
    expect((await second.trpc.auth.me.query())?.profile).toMatchObject({ companyName: 'Acme Health' });

    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    expect(await codeOf(rival.trpc.jobs.update.mutate({ id: job.id, title: 'Mine' }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.applications.forJob.query({ jobId: job.id }))).toBe('NOT_FOUND');
    expect(await rival.trpc.jobs.mine.query()).toEqual([]);
  });

  it('keeps an interviewer away from jobs, boards, applicants and the team', async () => {
    const job = await owner.trpc.jobs.create.mutate(nurseJob);
    const interviewer = await teamMember(t.app, owner, 'ivan@acme.example', 'interviewer');
    expect(await codeOf(interviewer.trpc.jobs.create.mutate(nurseJob))).toBe('FORBIDDEN');
    expect(await codeOf(interviewer.trpc.jobs.update.mutate({ id: job.id, title: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(interviewer.trpc.applications.forJob.query({ jobId: job.id }))).toBe('FORBIDDEN');
    expect(await codeOf(interviewer.trpc.sources.list.query())).toBe('FORBIDDEN');
    expect(await codeOf(interviewer.trpc.companies.invite.mutate({ email: 'x@acme.example', role: 'owner' }))).toBe(
      'FORBIDDEN',
    );
    expect((await interviewer.trpc.companies.members.query()).map((m) => [m.email, m.role])).toEqual([
      ['owner@acme.example', 'owner'],
      ['ivan@acme.example', 'interviewer'],
    ]);
  });

  it('records which member moved an applicant', async () => {
    const recruiter = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
    const job = await owner.trpc.jobs.create.mutate(nurseJob);
    const seeker = await seekerClient(t.app, 'maria@example.com');
    await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[0]!.text });
    await t.settle();
    const application = await seeker.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: null });
    await recruiter.trpc.applications.setStatus.mutate({ id: application.id, status: 'reviewed' });
    await owner.trpc.applications.setStatus.mutate({ id: application.id, status: 'interview' });
    const events = await t.pg.query<{ to_status: string; actor_id: number }>(
      'select to_status, actor_id from application_events where application_id = $1 order by id',
      [application.id],
    );
    expect(events.rows).toEqual([
      { to_status: 'submitted', actor_id: seeker.id },
      { to_status: 'reviewed', actor_id: recruiter.id },
      { to_status: 'interview', actor_id: owner.id },
    ]);
  });
});

describe('invitations', () => {
  it('emails a link that works once, stores only its hash, and expires after 7 days', async () => {
    await owner.trpc.companies.invite.mutate({ email: 'New.Person@Acme.example', role: 'recruiter' });
    const token = await latestEmailToken(t.app, 'new.person@acme.example', 'team_invitation');
    const stored = await t.pg.query<{ token_hash: string }>('select token_hash from company_invitations');
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect((await owner.trpc.companies.invitations.query()).map((i) => i.email)).toEqual(['new.person@acme.example']);

    const joining = apiClient(t.app);
    expect(await joining.trpc.companies.acceptInvite.mutate({ token })).toEqual({
      needsAccount: true,
      email: 'new.person@acme.example',
    });
    await joining.trpc.companies.acceptInvite.mutate({ token, password: PASSWORD });
    expect((await joining.trpc.auth.me.query())?.emailVerified).toBe(true);
    expect(await codeOf(apiClient(t.app).trpc.companies.acceptInvite.mutate({ token, password: PASSWORD }))).toBe(
      'BAD_REQUEST',
    );
    expect(await owner.trpc.companies.invitations.query()).toEqual([]);

    await owner.trpc.companies.invite.mutate({ email: 'late@acme.example', role: 'interviewer' });
    const late = await latestEmailToken(t.app, 'late@acme.example', 'team_invitation');
    t.clock.advance(7 * 24 * 60 * 60_000 + 1);
    expect(await codeOf(apiClient(t.app).trpc.companies.acceptInvite.mutate({ token: late, password: PASSWORD }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('lets an existing employer account with an empty company join, signed in as the invited address', async () => {
    const existing = await employerClient(t.app, 'solo@elsewhere.example', 'Solo');
    await owner.trpc.companies.invite.mutate({ email: 'solo@elsewhere.example', role: 'recruiter' });
    const token = await latestEmailToken(t.app, 'solo@elsewhere.example', 'team_invitation');
    const stranger = await employerClient(t.app, 'stranger@elsewhere.example', 'Stranger');
    expect(await codeOf(stranger.trpc.companies.acceptInvite.mutate({ token }))).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.companies.acceptInvite.mutate({ token, password: PASSWORD }))).toBe(
      'CONFLICT',
    );
    expect(await existing.trpc.companies.acceptInvite.mutate({ token })).toMatchObject({ role: 'recruiter' });
    expect((await existing.trpc.employers.me.query())?.companyName).toBe('Acme Health');

    // Someone whose company has jobs must leave it first.
    const busy = await employerClient(t.app, 'busy@other.example', 'Busy');
    await busy.trpc.jobs.create.mutate(nurseJob);
    await owner.trpc.companies.invite.mutate({ email: 'busy@other.example', role: 'recruiter' });
    const busyToken = await latestEmailToken(t.app, 'busy@other.example', 'team_invitation');
    expect(await failureOf(busy.trpc.companies.acceptInvite.mutate({ token: busyToken }))).toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('retention', () => {
  it('deletes an invitation 30 days after it was accepted or expired, not before', async () => {
    await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 24 };
    // Expired 24 days before the sweep: kept until day 37.
    await owner.trpc.companies.invite.mutate({ email: 'pending@acme.example', role: 'interviewer' });
    t.clock.advance(31 * 24 * 60 * 60_000);
    expect(await runMaintenance(t.db, { now: t.clock.now, config })).toMatchObject({ purgedInvitations: 1 });
    expect((await t.pg.query('select email from company_invitations')).rows).toEqual([
      { email: 'pending@acme.example' },
    ]);
  });
});

describe('owners', () => {
  it('never leaves a company without an owner, and lets the owner change roles and remove members', async () => {
    const recruiter = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
    expect(await codeOf(owner.trpc.companies.setRole.mutate({ userId: owner.id, role: 'recruiter' }))).toBe('CONFLICT');
    expect(await codeOf(owner.trpc.companies.removeMember.mutate({ userId: owner.id }))).toBe('CONFLICT');
    expect(await codeOf(recruiter.trpc.companies.setRole.mutate({ userId: recruiter.id, role: 'owner' }))).toBe(
      'FORBIDDEN',
    );
    await owner.trpc.companies.setRole.mutate({ userId: recruiter.id, role: 'owner' });
    await owner.trpc.companies.setRole.mutate({ userId: owner.id, role: 'interviewer' });
    expect(await codeOf(owner.trpc.jobs.create.mutate(nurseJob))).toBe('FORBIDDEN');
    await recruiter.trpc.companies.removeMember.mutate({ userId: owner.id });
    expect(await codeOf(owner.trpc.companies.members.query())).toBe('FORBIDDEN');
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    expect(await codeOf(rival.trpc.companies.removeMember.mutate({ userId: recruiter.id }))).toBe('NOT_FOUND');
  });

  it('asks the only owner of a team to hand over before deleting their account, then keeps the company', async () => {
    const recruiter = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
    const job = await owner.trpc.jobs.create.mutate(nurseJob);
    expect(await failureOf(owner.trpc.account.delete.mutate({ password: PASSWORD }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('make one of them owner'),
    });
    await owner.trpc.companies.setRole.mutate({ userId: recruiter.id, role: 'owner' });
    await owner.trpc.account.delete.mutate({ password: PASSWORD });
    expect((await recruiter.trpc.jobs.mine.query()).map((j) => [j.id, j.status])).toEqual([[job.id, 'active']]);
    expect((await recruiter.trpc.companies.members.query()).map((m) => m.email)).toEqual(['rita@acme.example']);
    // The last member leaving closes the company's jobs, as a company of one always did.
    await recruiter.trpc.account.delete.mutate({ password: PASSWORD });
    expect((await t.pg.query('select status from jobs')).rows).toEqual([{ status: 'closed' }]);
  });
});
