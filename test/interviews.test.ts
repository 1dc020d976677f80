/**
 * Interview scheduling (issue 19 part 3): a recruiter proposes times, the candidate chooses one or
 * asks for others, the recruiter moves or cancels it; each step's iCalendar message parses with a
 * real parser (node-ical) at the proposed instant, across daylight-saving changes; the outbox
 * carries the invitation through a real SMTP server; a member's feed is private and revocable.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import nodeIcal, { type VEvent } from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema.ts';
import { silentLogger } from '../server/logger.ts';
import { createResendTransport } from '../server/mail/resend.ts';
import { createSmtpTransport } from '../server/mail/smtp.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, seekerClient } from './helpers/actors.ts';
import { startResendStandIn, startSmtpServer } from './helpers/mail.ts';
import { teamMember } from './helpers/teams.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A company (owner, recruiter, two interviewers), a job, and a candidate's application to it. */
async function hiringWorld(app = t.app) {
  const owner = await employerClient(app, 'owner@acme.example', 'Acme Health');
  const recruiter = await teamMember(app, owner, 'rita@acme.example', 'recruiter');
  const interviewer = await teamMember(app, owner, 'ivan@acme.example', 'interviewer');
  const otherInterviewer = await teamMember(app, owner, 'olga@acme.example', 'interviewer');
  const job = await recruiter.trpc.jobs.create.mutate(nurseJob);
  const candidate = await seekerClient(app, 'maria@example.com', { firstName: 'Maria', lastName: 'Lopez' });
  await candidate.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[0]!.text });
  await t.settle();
  const application = await candidate.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: null });
  return { owner, recruiter, interviewer, otherInterviewer, job, candidate, application };
}
type World = Awaited<ReturnType<typeof hiringWorld>>;

const BERLIN_DST = [
  // Before and after clocks jump from 02:00 to 03:00 on 2027-03-28 in Berlin.
  { start: '2027-03-28T01:00:00+01:00', end: '2027-03-28T01:45:00+01:00' },
  { start: '2027-03-28T10:00:00+02:00', end: '2027-03-28T11:00:00+02:00' },
];

/**
 * The proposal most tests start from: both BERLIN_DST slots, the world's first interviewer. Only
 * `by` varies (who proposes), so refusals by role read as one line each.
 */
function proposeBerlin(by: World['recruiter'], { application, interviewer }: World) {
  return by.trpc.interviews.propose.mutate({
    applicationId: application.id,
    slots: BERLIN_DST,
    timeZone: 'Europe/Berlin',
    interviewerIds: [interviewer.id],
  });
}

async function messages(kind: string) {
  return t.db.select().from(outboxMessages).where(like(outboxMessages.kind, kind)).orderBy(asc(outboxMessages.id));
}

function parsedEvent(ics: string | null) {
  const parsed = nodeIcal.sync.parseICS(ics ?? '');
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { event: events[0]!, method: (parsed.vcalendar as { method?: string } | undefined)?.method };
}

describe('interviews through the API', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('proposes, lets the candidate choose, moves and cancels, with the four messages at the right instants across DST', async () => {
    const { recruiter, interviewer, candidate, application } = await hiringWorld();
    const proposed = await recruiter.trpc.interviews.propose.mutate({
      applicationId: application.id,
      slots: BERLIN_DST,
      timeZone: 'Europe/Berlin',
      location: 'Acme Health, 5 Main St',
      videoLink: 'https://meet.example.com/acme-nurse',
      interviewerIds: [interviewer.id, recruiter.id],
    });
    // 1. The candidate's email lists the times as the proposer wrote them, in their zone.
    const [proposal] = await messages('interview_proposed');
    expect(proposal).toMatchObject({ toAddress: 'maria@example.com', icalContent: null });
    expect(proposal!.textBody).toContain('Sunday, March 28, 2027, 01:00 – 01:45 (Europe/Berlin)');
    expect(proposal!.textBody).toContain('Sunday, March 28, 2027, 10:00 – 11:00 (Europe/Berlin)');

    const mine = await candidate.trpc.interviews.mine.query();
    const offered = mine.interviews[0]!;
    expect(offered).toMatchObject({ id: proposed.id, status: 'proposed', timeZone: 'Europe/Berlin' });
    expect(offered.slots.map((s) => s.start)).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T08:00:00.000Z']);

    // 2. Choosing the slot after the change: scheduled, application at interview, REQUEST to everyone.
    await candidate.trpc.interviews.choose.mutate({ interviewId: proposed.id, slotId: offered.slots[1]!.id });
    expect((await candidate.trpc.applications.mine.query())[0]).toMatchObject({ status: 'interview' });
    const moves = await t.pg.query<{ to_status: string; actor_id: number }>(
      'select to_status, actor_id from application_events where application_id = $1 order by id',
      [application.id],
    );
    // Through the workflow's steps, each recorded as the move of the member who proposed.
    expect(moves.rows).toEqual([
      { to_status: 'submitted', actor_id: candidate.id },
      { to_status: 'reviewed', actor_id: recruiter.id },
      { to_status: 'interview', actor_id: recruiter.id },
    ]);
    const requests = await messages('interview_scheduled');
    expect(requests.map((m) => m.toAddress).sort()).toEqual([
      'ivan@acme.example',
      'maria@example.com',
      'rita@acme.example',
    ]);
    const uid = (await t.pg.query<{ uid: string }>('select uid from interviews')).rows[0]!.uid;
    for (const message of requests) {
      const { event, method } = parsedEvent(message.icalContent);
      expect(message.icalMethod).toBe('REQUEST');
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(uid);
      expect(Number(event.sequence)).toBe(0);
      expect(event.start.toISOString()).toBe(new Date('2027-03-28T10:00:00+02:00').toISOString());
      expect(event.end?.toISOString()).toBe(new Date('2027-03-28T11:00:00+02:00').toISOString());
      // Each invitation names only its own recipient.
      const attendees = JSON.stringify(event.attendee);
      expect(attendees).toContain(message.toAddress);
      for (const other of requests.filter((m) => m.toAddress !== message.toAddress))
        expect(attendees).not.toContain(other.toAddress);
    }

    // 3. Moved across New York's change (2027-03-14), in New York's zone: same UID, SEQUENCE 1.
    await recruiter.trpc.interviews.reschedule.mutate({
      interviewId: proposed.id,
      slots: [{ start: '2027-03-14T03:30:00-04:00', end: '2027-03-14T04:30:00-04:00' }],
      timeZone: 'America/New_York',
    });
    const moved = (await messages('interview_scheduled')).slice(3);
    expect(moved).toHaveLength(3);
    for (const message of moved) {
      const { event, method } = parsedEvent(message.icalContent);
      expect([method, event.uid, Number(event.sequence)]).toEqual(['REQUEST', uid, 1]);
      expect(event.start.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    }
    expect(moved[0]!.subject).toMatch(/^Moved: .*03:30 – 04:30 \(America\/New_York\)$/);

    // 4. Cancelled: METHOD:CANCEL, SEQUENCE 2, same UID.
    await recruiter.trpc.interviews.cancel.mutate({ interviewId: proposed.id, reason: 'The position was filled.' });
    const cancelled = await messages('interview_cancelled');
    expect(cancelled).toHaveLength(3);
    for (const message of cancelled) {
      const { event, method } = parsedEvent(message.icalContent);
      expect([method, event.uid, Number(event.sequence), event.status]).toEqual(['CANCEL', uid, 2, 'CANCELLED']);
    }
    expect((await candidate.trpc.interviews.mine.query()).interviews[0]).toMatchObject({ status: 'cancelled' });
  });

  it('writes the proposed instant across New York’s change too', async () => {
    const { recruiter, interviewer, candidate, application } = await hiringWorld();
    const { id } = await recruiter.trpc.interviews.propose.mutate({
      applicationId: application.id,
      slots: [{ start: '2027-03-13T09:00:00-05:00', end: '2027-03-13T10:00:00-05:00' }],
      timeZone: 'America/New_York',
      interviewerIds: [interviewer.id],
    });
    const slot = (await candidate.trpc.interviews.mine.query()).interviews[0]!.slots[0]!;
    await candidate.trpc.interviews.choose.mutate({ interviewId: id, slotId: slot.id });
    const [first] = await messages('interview_scheduled');
    expect(parsedEvent(first!.icalContent).event.start.toISOString()).toBe('2027-03-13T14:00:00.000Z');
    expect(first!.textBody).toContain('Saturday, March 13, 2027, 09:00 – 10:00 (America/New_York)');
  });

  it('lets the candidate ask for other times, and the recruiter offer new ones', async () => {
    const world = await hiringWorld();
    const { recruiter, candidate, application } = world;
    const { id } = await proposeBerlin(recruiter, world);
    await candidate.trpc.interviews.requestOtherTimes.mutate({ interviewId: id, message: 'Mornings after 9 work.' });
    expect(await codeOf(candidate.trpc.interviews.requestOtherTimes.mutate({ interviewId: id }))).toBe('CONFLICT');
    const asked = await messages('interview_other_times');
    expect(asked.map((m) => m.toAddress).sort()).toEqual(['ivan@acme.example', 'rita@acme.example']);
    expect(asked[0]!.textBody).toContain('Mornings after 9 work.');
    expect((await recruiter.trpc.interviews.forApplication.query({ applicationId: application.id }))[0]).toMatchObject({
      status: 'other_times_requested',
    });

    await recruiter.trpc.interviews.reschedule.mutate({
      interviewId: id,
      slots: [
        { start: '2027-04-01T09:30:00+02:00', end: '2027-04-01T10:30:00+02:00' },
        { start: '2027-04-02T09:30:00+02:00', end: '2027-04-02T10:30:00+02:00' },
      ],
    });
    const offered = (await candidate.trpc.interviews.mine.query()).interviews[0]!;
    expect(offered).toMatchObject({ status: 'proposed', start: null });
    expect(offered.slots).toHaveLength(2);
    expect((await messages('interview_proposed')).length).toBe(2);
    await candidate.trpc.interviews.choose.mutate({ interviewId: id, slotId: offered.slots[0]!.id });
    const [invitation] = await messages('interview_scheduled');
    // The first invitation sent, after one reschedule: SEQUENCE 1, above any the interview had.
    expect(Number(parsedEvent(invitation!.icalContent).event.sequence)).toBe(1);
  });

  it('refuses times in the past, backwards, too long, unknown zones, plain http links and strangers as interviewers', async () => {
    const { recruiter, interviewer, application } = await hiringWorld();
    const base = {
      applicationId: application.id,
      timeZone: 'Europe/Berlin',
      interviewerIds: [interviewer.id],
      slots: BERLIN_DST,
    };
    const refused = async (input: Partial<typeof base> & Record<string, unknown>) =>
      (await failureOf(recruiter.trpc.interviews.propose.mutate({ ...base, ...input } as typeof base))).code;
    expect(await refused({ slots: [{ start: '2026-11-20T10:00:00+01:00', end: '2026-11-20T11:00:00+01:00' }] })).toBe(
      'BAD_REQUEST',
    );
    expect(await refused({ slots: [{ start: '2027-04-01T11:00:00+02:00', end: '2027-04-01T10:00:00+02:00' }] })).toBe(
      'BAD_REQUEST',
    );
    expect(await refused({ slots: [{ start: '2027-04-01T08:00:00+02:00', end: '2027-04-01T16:01:00+02:00' }] })).toBe(
      'BAD_REQUEST',
    );
    expect(await refused({ slots: [{ start: '2027-04-01T08:00:00', end: '2027-04-01T09:00:00' }] })).toBe(
      'BAD_REQUEST',
    );
    expect(await refused({ slots: [] })).toBe('BAD_REQUEST');
    expect(
      await refused({
        slots: Array.from({ length: 11 }, (_, i) => ({
          start: `2027-04-${String(i + 1).padStart(2, '0')}T09:00:00Z`,
          end: `2027-04-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
        })),
      }),
    ).toBe('BAD_REQUEST');
    expect(await refused({ timeZone: 'Mars/Olympus_Mons' })).toBe('BAD_REQUEST');
    expect(await refused({ timeZone: '+02:00' })).toBe('BAD_REQUEST');
    expect(await refused({ videoLink: 'http://meet.example.com/x' })).toBe('BAD_REQUEST');
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    expect(await refused({ interviewerIds: [rival.id] })).toBe('NOT_FOUND');
    expect(await messages('interview_%')).toEqual([]);
  });

  it('answers NOT_FOUND to another company and another seeker, FORBIDDEN to an interviewer scheduling', async () => {
    const world = await hiringWorld();
    const { recruiter, interviewer, otherInterviewer, candidate, application } = world;
    const { id } = await proposeBerlin(recruiter, world);
    const rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
    const stranger = await seekerClient(t.app, 'stranger@example.com');
    const slotId = (await candidate.trpc.interviews.mine.query()).interviews[0]!.slots[0]!.id;
    expect(await codeOf(rival.trpc.interviews.forApplication.query({ applicationId: application.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(rival.trpc.interviews.cancel.mutate({ interviewId: id }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.interviews.reschedule.mutate({ interviewId: id, slots: BERLIN_DST }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(stranger.trpc.interviews.choose.mutate({ interviewId: id, slotId }))).toBe('NOT_FOUND');
    expect(await codeOf(stranger.trpc.interviews.requestOtherTimes.mutate({ interviewId: id }))).toBe('NOT_FOUND');
    expect((await stranger.trpc.interviews.mine.query()).interviews).toEqual([]);
    expect((await rival.trpc.interviews.mine.query()).interviews).toEqual([]);
    expect(await codeOf(interviewer.trpc.interviews.cancel.mutate({ interviewId: id }))).toBe('FORBIDDEN');
    expect(await codeOf(proposeBerlin(interviewer, world))).toBe('FORBIDDEN');
    // The assigned interviewer sees it; another interviewer of the same company does not.
    expect((await interviewer.trpc.interviews.forApplication.query({ applicationId: application.id })).length).toBe(1);
    expect((await interviewer.trpc.interviews.mine.query()).interviews.map((i) => i.id)).toEqual([id]);
    expect(await codeOf(otherInterviewer.trpc.interviews.forApplication.query({ applicationId: application.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await otherInterviewer.trpc.interviews.mine.query()).interviews).toEqual([]);
    // One open interview per application; a slot of another interview is not this one's.
    expect(await codeOf(proposeBerlin(recruiter, world))).toBe('CONFLICT');
  });
});

describe('the calendar feed', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('serves the member’s interviews privately, keeps the token out of the log, and stops when revoked', async () => {
    const world = await hiringWorld();
    const { recruiter, interviewer, otherInterviewer, candidate } = world;
    const { id } = await proposeBerlin(recruiter, world);
    const slotId = (await candidate.trpc.interviews.mine.query()).interviews[0]!.slots[1]!.id;
    await candidate.trpc.interviews.choose.mutate({ interviewId: id, slotId });

    expect((await interviewer.trpc.interviews.mine.query()).feed).toBeNull();
    const { url } = await interviewer.trpc.interviews.calendarFeed.mutate();
    const token = /\/calendar\/([a-z2-7]{52})\.ics$/.exec(url)?.[1];
    expect(token).toBeDefined();
    const stored = await t.pg.query<{ token_hash: string }>('select token_hash from calendar_feeds');
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect((await interviewer.trpc.interviews.mine.query()).feed).not.toBeNull();

    const path = new URL(url).pathname;
    const response = await t.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const feed = nodeIcal.sync.parseICS(await response.text());
    const events = Object.values(feed).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events.map((e) => e.start.toISOString())).toEqual(['2027-03-28T08:00:00.000Z']);
    expect(events[0]!.summary).toBe('Interview: Pediatric Nurse with Maria Lopez');
    expect(t.logLines.join('\n')).not.toContain(token);
    expect(t.logLines.some((l) => l.includes('/calendar/[token].ics'))).toBe(true);

    // Another member's feed does not hold it.
    const other = await otherInterviewer.trpc.interviews.calendarFeed.mutate();
    const otherFeed = await (await t.app.request(new URL(other.url).pathname)).text();
    expect(otherFeed).not.toContain('VEVENT');

    // A new URL replaces the old one; revoking ends it; unknown tokens are 404.
    const renewed = await interviewer.trpc.interviews.calendarFeed.mutate();
    expect((await t.app.request(path)).status).toBe(404);
    expect((await t.app.request(new URL(renewed.url).pathname)).status).toBe(200);
    await interviewer.trpc.interviews.revokeCalendarFeed.mutate();
    expect((await t.app.request(new URL(renewed.url).pathname)).status).toBe(404);
    expect((await t.app.request(`/calendar/${'a'.repeat(52)}.ics`)).status).toBe(404);
    expect((await t.app.request('/calendar/x')).status).toBe(404);
    expect(await codeOf(candidate.trpc.interviews.calendarFeed.mutate())).toBe('FORBIDDEN');
    expect(await codeOf(apiClient(t.app).trpc.interviews.calendarFeed.mutate())).toBe('UNAUTHORIZED');
  });
});

describe('the invitation on the wire', () => {
  it('arrives through a real SMTP server as a text/calendar METHOD:REQUEST part that parses', async () => {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    t = await createTestApp({
      mail: {
        transport: createSmtpTransport(smtp.url),
        from: 'Fitwork <no-reply@fitwork.example>',
        logger: silentLogger,
      },
      env: { MAIL_FROM: 'Fitwork <no-reply@fitwork.example>' },
    });
    const world = await hiringWorld();
    const { recruiter, candidate } = world;
    const { id } = await proposeBerlin(recruiter, world);
    const slotId = (await candidate.trpc.interviews.mine.query()).interviews[0]!.slots[0]!.id;
    await candidate.trpc.interviews.choose.mutate({ interviewId: id, slotId });
    await t.settle();
    const before = smtp.received.length;
    const scheduled = await t.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'interview_scheduled'), eq(outboxMessages.status, 'sent')));
    expect(scheduled.length).toBe(3);
    await smtp.waitFor(before);
    const mail = smtp.received.find(
      (m) => m.subject?.startsWith('Scheduled:') && m.to && JSON.stringify(m.to).includes('maria@example.com'),
    );
    expect(mail).toBeDefined();
    const part = mail!.attachments.find((a) => a.contentType === 'text/calendar');
    expect(part).toBeDefined();
    const { event, method } = parsedEvent(part!.content.toString('utf8'));
    expect(method).toBe('REQUEST');
    expect(event.start.toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(JSON.stringify(event.organizer)).toContain('no-reply@fitwork.example');
  });

  it('goes to Resend as an invite.ics attachment', async () => {
    const resend = await startResendStandIn('re_test_key');
    cleanups.push(resend.close);
    t = await createTestApp({
      mail: {
        transport: createResendTransport({ apiKey: 're_test_key', baseUrl: resend.url }),
        from: 'Fitwork <no-reply@fitwork.example>',
        logger: silentLogger,
      },
    });
    const world = await hiringWorld();
    const { recruiter, candidate } = world;
    const { id } = await proposeBerlin(recruiter, world);
    const slotId = (await candidate.trpc.interviews.mine.query()).interviews[0]!.slots[0]!.id;
    await candidate.trpc.interviews.choose.mutate({ interviewId: id, slotId });
    await t.settle();
    const sent = resend.requests.find((r) => r.body.subject.startsWith('Scheduled:'));
    const body = sent?.body as
      | { attachments?: { filename: string; content: string; content_type: string }[] }
      | undefined;
    const attachment = body?.attachments?.[0];
    expect(attachment).toMatchObject({
      filename: 'invite.ics',
      content_type: expect.stringContaining('method=REQUEST'),
    });
    const { method } = parsedEvent(Buffer.from(attachment!.content, 'base64').toString('utf8'));
    expect(method).toBe('REQUEST');
  });
});
