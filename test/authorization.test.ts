/**
 * The authorization matrix, generated from the router: every procedure x six actors, against
 * rows owned by employer X and seeker A. A procedure without a row in EXPECTED fails the test,
 * so a new procedure cannot be forgotten. Every successful answer is also checked for fields
 * that must never leave the server.
 */
import { embedWithCatalog } from '../server/matching/local-embedding.ts';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../server/router.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { adminClient, employerClient, nurseJob, PASSWORD, seekerClient } from './helpers/actors.ts';
import { teamMember } from './helpers/teams.ts';

/** employerX owns company X; recruiterX and interviewerX are members of it (issue 19). */
const ACTORS = [
  'anonymous',
  'seekerA',
  'seekerB',
  'employerX',
  'recruiterX',
  'interviewerX',
  'employerY',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST';

const anyone: Record<Actor, Outcome> = {
  anonymous: 'ok',
  seekerA: 'ok',
  seekerB: 'ok',
  employerX: 'ok',
  recruiterX: 'ok',
  interviewerX: 'ok',
  employerY: 'ok',
  admin: 'ok',
};
const signedIn: Record<Actor, Outcome> = { ...anyone, anonymous: 'UNAUTHORIZED' };
const everyone = (outcome: Outcome): Record<Actor, Outcome> => ({
  anonymous: outcome,
  seekerA: outcome,
  seekerB: outcome,
  employerX: outcome,
  recruiterX: outcome,
  interviewerX: outcome,
  employerY: outcome,
  admin: outcome,
});
const seekers: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  seekerA: 'ok',
  seekerB: 'ok',
  employerX: 'FORBIDDEN',
  recruiterX: 'FORBIDDEN',
  interviewerX: 'FORBIDDEN',
  employerY: 'FORBIDDEN',
  admin: 'FORBIDDEN',
};
/** Any member of a company. */
const employers: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  seekerA: 'FORBIDDEN',
  seekerB: 'FORBIDDEN',
  employerX: 'ok',
  recruiterX: 'ok',
  interviewerX: 'ok',
  employerY: 'ok',
  admin: 'FORBIDDEN',
};
/** A company's owners and recruiters (jobs, applicants, boards). */
const managers: Record<Actor, Outcome> = { ...employers, interviewerX: 'FORBIDDEN' };
/** A company's owners (the team, the company's profile). */
const owners: Record<Actor, Outcome> = { ...managers, recruiterX: 'FORBIDDEN' };
const admins: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  seekerA: 'FORBIDDEN',
  seekerB: 'FORBIDDEN',
  employerX: 'FORBIDDEN',
  recruiterX: 'FORBIDDEN',
  interviewerX: 'FORBIDDEN',
  employerY: 'FORBIDDEN',
  admin: 'ok',
};
/**
 * Company X's own row: its managers reach it, its interviewer is refused, another company hears
 * NOT_FOUND, as if it did not exist.
 */
const employerXRow: Record<Actor, Outcome> = { ...managers, employerY: 'NOT_FOUND' };
/** Seeker A's own row. */
const seekerARow: Record<Actor, Outcome> = { ...seekers, seekerB: 'NOT_FOUND' };

interface World {
  jobId: number;
  applicationId: number;
  sourceId: string;
  skillIds: [number, number];
  /** A custom skill of seeker A, waiting in the review queue. */
  pendingSkill: string;
  reviewId: number;
  experimentId: number;
  /** Seeker B is visible and anonymous among the job's candidates, and employer X invited them. */
  candidateId: string;
  invitationId: number;
  /** A saved search of seeker A. */
  alertId: number;
  /** Employer X's id: their company's public page. */
  companyId: number;
  /** A pending invitation to company X's team, and its recruiter's id. */
  teamInvitationId: number;
  recruiterXId: number;
  /** An interview of seeker A's application, proposed by employer X with recruiter X assigned, and one of its times. */
  interviewId: number;
  slotId: number;
}

const INTERVIEW_SLOTS = [
  { start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T11:00:00+02:00' },
  { start: '2027-03-31T10:00:00+02:00', end: '2027-03-31T11:00:00+02:00' },
];

let unique = 0;
const EXPECTED: Record<string, { input: (w: World) => unknown; outcomes: Record<Actor, Outcome> }> = {
  'auth.signUp': {
    input: () => ({
      userType: 'job_seeker',
      email: `new${++unique}@example.com`,
      password: PASSWORD,
      firstName: 'N',
      lastName: 'W',
    }),
    outcomes: anyone,
  },
  'auth.signIn': { input: () => ({ email: 'b@example.com', password: PASSWORD }), outcomes: anyone },
  'auth.signOut': { input: () => undefined, outcomes: anyone },
  'auth.me': { input: () => undefined, outcomes: anyone },
  'auth.changePassword': {
    input: () => ({ currentPassword: PASSWORD, newPassword: 'a different passphrase' }),
    outcomes: signedIn,
  },
  'seekers.me': { input: () => undefined, outcomes: seekers },
  'seekers.updateProfile': { input: () => ({ location: 'Denver, CO' }), outcomes: seekers },
  'seekers.resume': { input: () => undefined, outcomes: seekers },
  'seekers.setResume': { input: () => ({ text: RESUME_FIXTURES[0]!.text }), outcomes: seekers },
  'seekers.uploadResume': { input: () => 'upload', outcomes: seekers },
  'seekers.skills': { input: () => undefined, outcomes: seekers },
  'seekers.setSkills': {
    input: () => ({ skills: [{ name: 'Python', proficiencyLevel: 'expert', yearsExperience: 3 }] }),
    outcomes: seekers,
  },
  'employers.me': { input: () => undefined, outcomes: employers },
  'employers.updateCompany': { input: () => ({ industry: 'Health' }), outcomes: owners },
  'skills.search': { input: () => ({ q: 'py' }), outcomes: anyone },
  'skills.pending': { input: () => undefined, outcomes: admins },
  'skills.approve': { input: (w) => ({ name: w.pendingSkill, category: 'technical' }), outcomes: admins },
  'skills.reject': { input: (w) => ({ name: w.pendingSkill }), outcomes: admins },
  'skills.list': { input: () => undefined, outcomes: admins },
  'skills.add': {
    input: () => ({ name: `Admin ${++unique} skill`, category: 'technical', aliases: [] }),
    outcomes: admins,
  },
  'skills.addAlias': { input: (w) => ({ skillId: w.skillIds[0], alias: `alias ${++unique}` }), outcomes: admins },
  'skills.merge': { input: (w) => ({ fromId: w.skillIds[0], intoId: w.skillIds[1] }), outcomes: admins },
  'jobs.create': { input: () => nurseJob, outcomes: managers },
  'jobs.update': { input: (w) => ({ id: w.jobId, title: 'Changed' }), outcomes: employerXRow },
  'jobs.setStatus': { input: (w) => ({ id: w.jobId, status: 'closed' }), outcomes: employerXRow },
  'jobs.get': { input: (w) => ({ id: w.jobId }), outcomes: anyone },
  'jobs.mine': { input: () => undefined, outcomes: managers },
  'jobs.search': { input: () => ({ q: 'nurse' }), outcomes: anyone },
  'companies.get': { input: (w) => ({ id: w.companyId }), outcomes: anyone },
  'matches.forMe': { input: () => ({}), outcomes: seekers },
  // Each seeker acts on their own match of the job: seeker B has one too (visible and invited, see
  // setupWorld), so B reaches B's row; the job id names no one else's row.
  'matches.markViewed': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'matches.dismiss': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'matches.undismiss': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'matches.refresh': { input: () => undefined, outcomes: seekers },
  'matches.candidatesForJob': { input: (w) => ({ jobId: w.jobId }), outcomes: employerXRow },
  // Seeker A's request of the world is still open: a second one is a CONFLICT, past authorization.
  'matches.requestReview': {
    input: (w) => ({
      jobId: w.jobId,
      kind: 'contest_score',
      message: 'My licence covers this role, please look again.',
    }),
    outcomes: { ...seekers, seekerA: 'CONFLICT' },
  },
  'matches.respondToReview': {
    input: (w) => ({ reviewId: w.reviewId, response: 'We looked at your licence: you are on the shortlist.' }),
    outcomes: employerXRow,
  },
  'applications.submit': {
    input: (w) => ({ jobId: w.jobId, coverLetter: null }),
    outcomes: { ...seekers, seekerA: 'CONFLICT' },
  },
  'applications.mine': { input: () => undefined, outcomes: seekers },
  'applications.forJob': { input: (w) => ({ jobId: w.jobId }), outcomes: employerXRow },
  'applications.setStatus': { input: (w) => ({ id: w.applicationId, status: 'reviewed' }), outcomes: employerXRow },
  'applications.withdraw': { input: (w) => ({ id: w.applicationId }), outcomes: seekerARow },
  // An interviewer reads only the applications of interviews they are assigned to: none here.
  'applications.resume': {
    input: (w) => ({ applicationId: w.applicationId }),
    outcomes: { ...employerXRow, interviewerX: 'NOT_FOUND' },
  },
  'applications.setStatusMany': {
    input: (w) => ({ ids: [w.applicationId], status: 'reviewed' }),
    outcomes: employerXRow,
  },
  'applications.addNote': {
    input: (w) => ({ applicationId: w.applicationId, body: 'A private note.' }),
    outcomes: employerXRow,
  },
  'matches.mineForJob': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'applications.notes': { input: (w) => ({ applicationId: w.applicationId }), outcomes: employerXRow },
  'sources.create': { input: () => ({ name: 'Board', format: 'json-ld' }), outcomes: managers },
  'sources.list': { input: () => undefined, outcomes: managers },
  'sources.rotateSecret': { input: (w) => ({ id: w.sourceId }), outcomes: employerXRow },
  'sources.delete': { input: (w) => ({ id: w.sourceId }), outcomes: employerXRow },
  'sources.deliveries': { input: (w) => ({ id: w.sourceId }), outcomes: employerXRow },
  'account.export': { input: () => undefined, outcomes: signedIn },
  'seekers.selfIdentify': { input: () => ({ sex: 'female', raceEthnicity: 'asian' }), outcomes: seekers },
  'seekers.selfIdentification': { input: () => undefined, outcomes: seekers },
  'seekers.updateResumeData': {
    input: () => ({ data: { basics: { name: 'Corrected' }, work: [], education: [] } }),
    outcomes: { ...seekers, seekerB: 'BAD_REQUEST' as Outcome },
  },
  'audit.forEmployer': { input: (w) => ({ jobId: w.jobId }), outcomes: employerXRow },
  'audit.platform': { input: () => undefined, outcomes: admins },
  'audit.decisions': { input: (w) => ({ jobId: w.jobId }), outcomes: admins },
  'matches.careerPaths': { input: () => ({}), outcomes: seekers },
  'experiments.list': { input: () => undefined, outcomes: admins },
  // The world's experiment is running: another start is a CONFLICT, past authorization.
  'experiments.start': {
    input: () => ({
      name: `trial ${++unique}`,
      arms: [
        { algorithm: 'blend-v1', share: 0.5 },
        { algorithm: 'skills-first-v1', share: 0.5 },
      ],
    }),
    outcomes: { ...admins, admin: 'CONFLICT' },
  },
  'experiments.stop': { input: (w) => ({ id: w.experimentId }), outcomes: admins },
  'experiments.results': { input: (w) => ({ id: w.experimentId }), outcomes: admins },
  'experiments.quality': { input: () => undefined, outcomes: admins },
  // Employer X is the only owner of a team: asked to hand over first.
  'account.delete': { input: () => ({ password: PASSWORD }), outcomes: { ...signedIn, employerX: 'CONFLICT' } },
  // Email links: a made-up token is refused alike for everyone, signed in or not.
  'auth.verifyEmail': { input: () => ({ token: 'a'.repeat(52) }), outcomes: everyone('BAD_REQUEST') },
  'auth.resendVerification': { input: () => undefined, outcomes: signedIn },
  'auth.requestPasswordReset': { input: () => ({ email: 'b@example.com' }), outcomes: anyone },
  'auth.resetPassword': {
    input: () => ({ token: 'b'.repeat(52), password: 'a different passphrase' }),
    outcomes: everyone('BAD_REQUEST'),
  },
  'auth.requestEmailChange': {
    input: () => ({ email: `moved${++unique}@example.com`, password: PASSWORD }),
    outcomes: signedIn,
  },
  'auth.confirmEmailChange': { input: () => ({ token: 'c'.repeat(52) }), outcomes: everyone('BAD_REQUEST') },
  'mail.outbox': { input: () => ({}), outcomes: admins },
  'notifications.list': { input: () => ({}), outcomes: signedIn },
  'notifications.unreadCount': { input: () => undefined, outcomes: signedIn },
  'notifications.markRead': { input: () => ({ all: true }), outcomes: signedIn },
  'notifications.preferences': { input: () => undefined, outcomes: signedIn },
  // A kind for seekers: anyone else's account does not receive it.
  'notifications.setPreferences': {
    input: () => ({ preferences: [{ kind: 'application_status', email: true }] }),
    outcomes: {
      ...seekers,
      employerX: 'BAD_REQUEST',
      recruiterX: 'BAD_REQUEST',
      interviewerX: 'BAD_REQUEST',
      employerY: 'BAD_REQUEST',
      admin: 'BAD_REQUEST',
    },
  },
  'mail.deliveries': { input: () => ({}), outcomes: admins },
  // No dead message in the world: past authorization, the admin hears NOT_FOUND.
  'mail.retry': { input: () => ({ id: 999_999 }), outcomes: { ...admins, admin: 'NOT_FOUND' } },
  'seekers.setVisibility': { input: () => ({ visibleToEmployers: true }), outcomes: seekers },
  // Employer X invited seeker B already: a second invitation is a CONFLICT, past authorization.
  'invitations.send': {
    input: (w) => ({ jobId: w.jobId, candidateId: w.candidateId, message: 'Your skills fit this job well.' }),
    outcomes: { ...employerXRow, employerX: 'CONFLICT', recruiterX: 'CONFLICT' },
  },
  'invitations.mine': { input: () => undefined, outcomes: seekers },
  'invitations.respond': {
    input: (w) => ({ id: w.invitationId, answer: 'decline' }),
    outcomes: { ...seekers, seekerA: 'NOT_FOUND' },
  },
  'invitations.forJob': { input: (w) => ({ jobId: w.jobId }), outcomes: employerXRow },
  'jobs.save': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'jobs.unsave': { input: (w) => ({ jobId: w.jobId }), outcomes: seekers },
  'jobs.saved': { input: () => undefined, outcomes: seekers },
  'alerts.create': { input: () => ({ q: 'nurse', frequency: 'daily' }), outcomes: seekers },
  'alerts.list': { input: () => undefined, outcomes: seekers },
  'alerts.delete': { input: (w) => ({ id: w.alertId }), outcomes: seekerARow },
  'alerts.settings': { input: () => undefined, outcomes: seekers },
  'alerts.setSettings': { input: () => ({ matchThreshold: 75, matchEmails: true }), outcomes: seekers },
  'companies.invite': {
    input: () => ({ email: `invited${++unique}@example.com`, role: 'recruiter' }),
    outcomes: owners,
  },
  'companies.invitations': { input: () => undefined, outcomes: owners },
  'companies.revokeInvite': {
    input: (w) => ({ id: w.teamInvitationId }),
    outcomes: { ...owners, employerY: 'NOT_FOUND' },
  },
  // A made-up token: refused alike for everyone, signed in or not.
  'companies.acceptInvite': {
    input: () => ({ token: 'd'.repeat(52) }),
    outcomes: everyone('BAD_REQUEST'),
  },
  'companies.members': { input: () => undefined, outcomes: employers },
  // Recruiter X made interviewer: owners only; another company does not see X's member.
  'companies.setRole': {
    input: (w) => ({ userId: w.recruiterXId, role: 'interviewer' }),
    outcomes: { ...owners, employerY: 'NOT_FOUND' },
  },
  // Recruiter X removed: owners only, or recruiter X leaving; Y does not see X's member.
  'companies.removeMember': {
    input: (w) => ({ userId: w.recruiterXId }),
    outcomes: { ...owners, recruiterX: 'ok', employerY: 'NOT_FOUND' },
  },
  // The world's application has its interview already: managers reach it and hear CONFLICT.
  'interviews.propose': {
    input: (w) => ({
      applicationId: w.applicationId,
      slots: INTERVIEW_SLOTS,
      timeZone: 'Europe/Berlin',
      interviewerIds: [w.recruiterXId],
    }),
    outcomes: { ...employerXRow, employerX: 'CONFLICT', recruiterX: 'CONFLICT' },
  },
  'interviews.choose': { input: (w) => ({ interviewId: w.interviewId, slotId: w.slotId }), outcomes: seekerARow },
  'interviews.requestOtherTimes': { input: (w) => ({ interviewId: w.interviewId }), outcomes: seekerARow },
  'interviews.reschedule': {
    input: (w) => ({ interviewId: w.interviewId, slots: INTERVIEW_SLOTS.slice(0, 1) }),
    outcomes: employerXRow,
  },
  'interviews.cancel': { input: (w) => ({ interviewId: w.interviewId }), outcomes: employerXRow },
  // Interviewer X is not assigned to it (recruiter X is): NOT_FOUND, as for any other application.
  'interviews.forApplication': {
    input: (w) => ({ applicationId: w.applicationId }),
    outcomes: { ...employerXRow, interviewerX: 'NOT_FOUND' },
  },
  'interviews.mine': { input: () => undefined, outcomes: { ...signedIn, admin: 'FORBIDDEN' } },
  'interviews.calendarFeed': { input: () => undefined, outcomes: employers },
  'interviews.revokeCalendarFeed': { input: () => undefined, outcomes: employers },
  // Recruiter X is assigned to the world's interview: let in, their empty card is refused
  // (BAD_REQUEST: every skill must be rated). The owner, not assigned, sees the application but
  // may not leave a card (FORBIDDEN); interviewer X, not assigned, and another company do not see it.
  'scorecards.submit': {
    input: (w) => ({ applicationId: w.applicationId, ratings: [], recommendation: 'yes' }),
    outcomes: { ...employerXRow, employerX: 'FORBIDDEN', recruiterX: 'BAD_REQUEST', interviewerX: 'NOT_FOUND' },
  },
  'scorecards.mine': { input: () => undefined, outcomes: employers },
  'scorecards.forApplication': {
    input: (w) => ({ applicationId: w.applicationId }),
    outcomes: { ...employerXRow, interviewerX: 'NOT_FOUND' },
  },
};

const procedures = (
  appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation' } }> } }
)._def.procedures;

/** What may be answered to these procedures' owners and no one else. */
const SECRET_ANSWERS = new Set(['sources.create', 'sources.rotateSecret']);

function assertNothingLeaks(path: string, body: string) {
  expect(body, path).not.toMatch(/\$argon2/);
  expect(body, path).not.toMatch(/secret_?hash|password_?hash/i);
  if (!SECRET_ANSWERS.has(path)) expect(body, path).not.toMatch(/whsec_|signing_?secret/i);
  // An embedding would be a long run of numbers: local vectors are mostly 0, OpenAI's decimals.
  expect(body, path).not.toMatch(EMBEDDING_IN_JSON);
}

const EMBEDDING_IN_JSON = /(?:-?\d+(?:\.\d+)?(?:e[+-]?\d+)?,){100}/i;

describe('the leak check itself', () => {
  it('catches an embedding, local (mostly zeros) or OpenAI-like, anywhere in an answer', async () => {
    const local = embedWithCatalog('Pediatric nurse');
    const openAiLike = local.map((x, i) => x + Math.sin(i) * 1e-3);
    for (const vector of [local, openAiLike]) {
      expect(() =>
        assertNothingLeaks('seekers.me', JSON.stringify({ result: { data: { resumeEmbedding: vector } } })),
      ).toThrow();
    }
    expect(() => assertNothingLeaks('seekers.me', JSON.stringify({ scores: [0.5, 0.25, 1] }))).not.toThrow();
  });
});

async function setupWorld(t: Awaited<ReturnType<typeof createTestApp>>) {
  const employerX = await employerClient(t.app, 'x@acme.example', 'X');
  const clients = {
    anonymous: Object.assign(apiClient(t.app), { id: 0 }),
    seekerA: await seekerClient(t.app, 'a@example.com'),
    seekerB: await seekerClient(t.app, 'b@example.com'),
    employerX,
    recruiterX: await teamMember(t.app, employerX, 'rx@acme.example', 'recruiter'),
    interviewerX: await teamMember(t.app, employerX, 'ix@acme.example', 'interviewer'),
    employerY: await employerClient(t.app, 'y@rival.example', 'Y'),
    admin: await adminClient(t.app, t.db),
  };
  const job = await clients.employerX.trpc.jobs.create.mutate(nurseJob);
  const source = await clients.employerX.trpc.sources.create.mutate({ name: 'X board', format: 'json-ld' });
  await clients.seekerA.trpc.seekers.setResume.mutate({
    text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text,
  });
  await t.settle();
  const application = await clients.seekerA.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: null });
  const experiment = await clients.admin.trpc.experiments.start.mutate({
    name: 'matrix',
    arms: [
      { algorithm: 'blend-v1', share: 0.5 },
      { algorithm: 'skills-first-v1', share: 0.5 },
    ],
  });
  const review = await clients.seekerA.trpc.matches.requestReview.mutate({
    jobId: job.id,
    kind: 'human_review',
    message: 'Please have a person read my resume.',
  });
  await clients.seekerB.trpc.seekers.setVisibility.mutate({ visibleToEmployers: true });
  // Seeker B matches the job as seeker A does (a copy of A's match: cheaper than a second resume).
  await t.pg.query(
    `insert into matches (job_seeker_id, job_id, overall_score, semantic_score, skill_match_score, match_reasoning, algorithm_version)
     select $1, job_id, overall_score, semantic_score, skill_match_score, match_reasoning, algorithm_version
     from matches where job_seeker_id = $2 and job_id = $3`,
    [clients.seekerB.id, clients.seekerA.id, job.id],
  );
  const anonymous = (await clients.employerX.trpc.matches.candidatesForJob.query({ jobId: job.id })).find(
    (c) => !c.identified,
  );
  if (!anonymous || anonymous.identified) throw new Error('seeker B is an anonymous candidate of the job');
  const invitation = await clients.employerX.trpc.invitations.send.mutate({
    jobId: job.id,
    candidateId: anonymous.candidateId,
    message: 'Your pediatrics experience fits this job.',
  });
  const a = await clients.admin.trpc.skills.add.mutate({ name: `Matrix ${++unique} skill`, category: null });
  const b = await clients.admin.trpc.skills.add.mutate({ name: `Matrix ${++unique} skill`, category: null });
  const alert = await clients.seekerA.trpc.alerts.create.mutate({ q: 'pediatric nurse', frequency: 'daily' });
  const pendingSkill = `Pending ${++unique} skill`;
  await clients.seekerA.trpc.seekers.setSkills.mutate({ skills: [{ name: pendingSkill }] });
  const teamInvitation = await employerX.trpc.companies.invite.mutate({
    email: 'pending@acme.example',
    role: 'interviewer',
  });
  const interview = await employerX.trpc.interviews.propose.mutate({
    applicationId: application.id,
    slots: INTERVIEW_SLOTS,
    timeZone: 'Europe/Berlin',
    interviewerIds: [clients.recruiterX.id],
  });
  const [interviewSlot] = (await clients.seekerA.trpc.interviews.mine.query()).interviews[0]!.slots;
  if (!interviewSlot) throw new Error('the interview has its time');
  return {
    clients,
    world: {
      jobId: job.id,
      applicationId: application.id,
      sourceId: source.id,
      skillIds: [a.id, b.id] as [number, number],
      pendingSkill,
      reviewId: review.id,
      experimentId: experiment.id,
      candidateId: anonymous.candidateId,
      invitationId: invitation.id,
      alertId: alert.id,
      companyId: job.employerId,
      teamInvitationId: teamInvitation.id,
      recruiterXId: clients.recruiterX.id,
      interviewId: interview.id,
      slotId: interviewSlot.id,
    },
  };
}

describe('the authorization matrix', () => {
  it('has a row for every procedure of the router, and none for procedures that do not exist', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(procedures).sort());
  });

  for (const path of Object.keys(EXPECTED)) {
    it(`holds for ${path}`, async () => {
      const t = await createTestApp();
      const { clients, world } = await setupWorld(t);
      const { input, outcomes } = EXPECTED[path]!;
      const type = procedures[path]!._def.type;
      const seen: Partial<Record<Actor, Outcome>> = {};
      for (const actor of ACTORS) {
        const value = input(world);
        let response: Response;
        if (value === 'upload') {
          const form = new FormData();
          form.append('file', new File([RESUME_FIXTURES[0]!.text], 'resume.txt', { type: 'text/plain' }));
          response = await clients[actor].fetch(`http://localhost/trpc/${path}`, { method: 'POST', body: form });
        } else if (type === 'query') {
          response = await clients[actor].fetch(
            `http://localhost/trpc/${path}${value === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(value))}`}`,
          );
        } else {
          response = await clients[actor].fetch(`http://localhost/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(value ?? null),
          });
        }
        const body = await response.text();
        expect(response.status, `${path} as ${actor}: ${body}`).toBeLessThan(500);
        seen[actor] = response.status === 200 ? 'ok' : (JSON.parse(body).error.data.code as Outcome);
        if (response.status === 200) assertNothingLeaks(path, body);
        // Some calls change who is signed in or what exists: each actor starts from the same world.
        if (response.status === 200 && type === 'mutation') {
          const fresh = await setupWorld(await createTestApp());
          Object.assign(clients, fresh.clients);
          Object.assign(world, fresh.world);
        }
      }
      expect(seen).toEqual(outcomes);
      // Eight actors, and a fresh world (with company X's team) after each successful mutation.
    }, 90_000);
  }
});

describe('the file route', () => {
  it('GET /files/applications/:id/resume answers the job’s company (owners, recruiters) and the applicant only; others hear 404', async () => {
    const t = await createTestApp();
    const { clients, world } = await setupWorld(t);
    const form = new FormData();
    form.append('file', new File([RESUME_FIXTURES[0]!.text], 'resume.txt', { type: 'text/plain' }));
    await clients.seekerB.trpc.seekers.uploadResume.mutate(form);
    await t.settle();
    const { id } = await clients.seekerB.trpc.applications.submit.mutate({ jobId: world.jobId, coverLetter: null });
    const seen: Partial<Record<Actor, number>> = {};
    for (const actor of ACTORS) {
      const response = await clients[actor].fetch(`http://localhost/files/applications/${id}/resume`);
      await response.arrayBuffer();
      seen[actor] = response.status;
    }
    expect(seen).toEqual({
      anonymous: 401,
      seekerA: 404,
      seekerB: 200,
      employerX: 200,
      recruiterX: 200,
      interviewerX: 404,
      employerY: 404,
      admin: 404,
    });
    // An application without an original (seeker A pasted theirs), and ids that are no application at all.
    for (const path of [world.applicationId, 999_999, 'x', 99_999_999_999])
      expect((await clients.employerX.fetch(`http://localhost/files/applications/${path}/resume`)).status).toBe(404);
  });
});
