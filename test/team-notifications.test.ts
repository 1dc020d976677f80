/**
 * An employer's notifications reach the team (issue 19): every owner and recruiter of the
 * company, each by their own preferences; an interviewer only about applications they are
 * assigned to; another company never.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { notifyNewApplicant } from '../server/notifications/events.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import { type Client, employerClient, nurseJob, seekerClient } from './helpers/actors.ts';
import { assignInterview, teamMember } from './helpers/teams.ts';

const PUBLIC_URL = 'https://jobs.example.com';
const DAY_MS = 24 * 60 * 60_000;

let t: Awaited<ReturnType<typeof createTestApp>>;
let owner: Client & { id: number };
let rita: Client & { id: number };
let raj: Client & { id: number };
let ivan: Client & { id: number };
let ines: Client & { id: number };
let rival: Client & { id: number };
let jobId: number;

beforeEach(async () => {
  t = await createTestApp({ env: { PUBLIC_URL } });
  owner = await employerClient(t.app, 'owner@acme.example', 'Acme Health');
  rita = await teamMember(t.app, owner, 'rita@acme.example', 'recruiter');
  raj = await teamMember(t.app, owner, 'raj@acme.example', 'recruiter');
  ivan = await teamMember(t.app, owner, 'ivan@acme.example', 'interviewer');
  ines = await teamMember(t.app, owner, 'ines@acme.example', 'interviewer');
  rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
  jobId = (await rita.trpc.jobs.create.mutate(nurseJob)).id;
});

const kindsOf = async (client: Client) =>
  (await client.trpc.notifications.list.query({})).items.map((n) => n.kind).sort();
const emailsTo = async (kind: string) =>
  (await t.db.select().from(outboxMessages))
    .filter((m) => m.kind === kind)
    .map((m) => m.toAddress)
    .sort();

async function apply() {
  const seeker = await seekerClient(t.app, 'maria@example.com');
  await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[0]!.text });
  await t.settle();
  return (await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null })).id;
}

describe('notifications to a company of several people', () => {
  it('tells the owner and both recruiters of a new applicant, each by their own preferences', async () => {
    await rita.trpc.notifications.setPreferences.mutate({ preferences: [{ kind: 'new_applicant', email: false }] });
    await apply();
    for (const member of [owner, rita, raj]) expect(await kindsOf(member)).toEqual(['new_applicant']);
    for (const member of [ivan, ines, rival]) expect(await kindsOf(member)).toEqual([]);
    expect(await emailsTo('notify_new_applicant')).toEqual(['owner@acme.example', 'raj@acme.example']);
  });

  it('tells an interviewer about an application only once they are assigned to it', async () => {
    const applicationId = await apply();
    await assignInterview(t.db, applicationId, [ivan.id]);
    await notifyNewApplicant(t.db, applicationId, { now: t.clock.now, publicUrl: PUBLIC_URL });
    expect(await kindsOf(ivan)).toEqual(['new_applicant']);
    expect(await kindsOf(ines)).toEqual([]);
    // The others had heard of it already: the same event never twice.
    expect(await kindsOf(raj)).toEqual(['new_applicant']);
  });

  it('tells every owner and recruiter once of a job about to expire, never its interviewers', async () => {
    await rita.trpc.jobs.update.mutate({
      id: jobId,
      expiresAt: new Date(t.clock.now.getTime() + 2 * DAY_MS).toISOString(),
    });
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12, publicUrl: PUBLIC_URL };
    expect((await runMaintenance(t.db, { now: t.clock.now, config })).expiringJobs).toBe(1);
    expect((await runMaintenance(t.db, { now: t.clock.now, config })).expiringJobs).toBe(0);
    for (const member of [owner, rita, raj]) expect(await kindsOf(member)).toEqual(['job_expiring']);
    for (const member of [ivan, ines, rival]) expect(await kindsOf(member)).toEqual([]);
    expect(await emailsTo('notify_job_expiring')).toEqual([
      'owner@acme.example',
      'raj@acme.example',
      'rita@acme.example',
    ]);
  });
});
