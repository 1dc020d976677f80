/**
 * The emails of an interview, queued in the transaction of the change (server/mail/outbox.ts).
 * They are correspondence between the two sides of one interview, like an invitation a person
 * sends, so they go out whatever the notification settings say; each person's invitation names
 * only them as attendee. Times are written in the proposer's zone (and named), and the attached
 * iCalendar carries the instant itself.
 */
import type { Queryable } from '../../db/database.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { templates } from '../mail/templates.ts';
import { type Attendee, type InterviewEvent, invitationFor } from './calendar.ts';
import type { InterviewFacts } from './read.ts';

export interface InterviewMailContext {
  now: Date;
  publicUrl: string;
  /** The address invitations come from (MAIL_FROM's, or no-reply at the public host). */
  organizerEmail: string;
}

const CANDIDATE_PAGE = '/me/applications';
const MEMBER_PAGE = '/employer/interviews';

/** "Tuesday, March 30, 2027, 10:00 – 11:00 (Europe/Berlin)": a time as the proposer wrote it. */
export function describeSlot(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'full' }).format(start);
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day}, ${time.format(start)} – ${time.format(end)} (${timeZone})`;
}

/** The address of a "Name <address>" sender, or no-reply at the public host. */
export function organizerAddress(mailFrom: string | undefined, publicUrl: string): string {
  const address = mailFrom ? (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim() : '';
  return address.includes('@') ? address : `no-reply@${new URL(publicUrl).hostname}`;
}

function absolute(publicUrl: string, path: string) {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

function whereLines(facts: InterviewFacts): string[] {
  const { location, videoLink } = facts.interview;
  return [...(location ? [`Where: ${location}`] : []), ...(videoLink ? [`Video link: ${videoLink}`] : [])];
}

function eventOf(facts: InterviewFacts, context: InterviewMailContext): InterviewEvent {
  const { interview } = facts;
  if (!interview.startsAt || !interview.endsAt) throw new Error('an invitation needs the interview time');
  return {
    uid: interview.uid,
    sequence: interview.sequence,
    start: interview.startsAt,
    end: interview.endsAt,
    summary: `Interview: ${facts.jobTitle} at ${facts.companyName}`,
    description: [
      `Interview for ${facts.jobTitle} at ${facts.companyName}.`,
      `Time: ${describeSlot(interview.startsAt, interview.endsAt, interview.timeZone)}`,
      ...whereLines(facts),
    ].join('\n'),
    location: interview.location,
    videoLink: interview.videoLink,
    organizer: { name: facts.companyName, email: context.organizerEmail },
  };
}

interface Recipient extends Attendee {
  userId: number;
  link: string;
}

function everyone(facts: InterviewFacts, publicUrl: string): Recipient[] {
  const candidate = facts.candidate ? [{ ...facts.candidate, link: absolute(publicUrl, CANDIDATE_PAGE) }] : [];
  const team = facts.team.map((m) => ({ ...m, name: m.email, link: absolute(publicUrl, MEMBER_PAGE) }));
  return [...candidate, ...team];
}

const keyOf = (facts: InterviewFacts, event: string, userId: number, now: Date) =>
  `interview:${facts.interview.id}:${event}:${facts.interview.sequence}:${userId}:${now.getTime()}`;

/** The candidate hears which times are offered, and where to choose one. */
export async function sendProposal(
  tx: Queryable,
  facts: InterviewFacts,
  slots: { start: Date; end: Date }[],
  context: InterviewMailContext,
) {
  if (!facts.candidate) return;
  const zone = facts.interview.timeZone;
  await enqueueMail(
    tx,
    {
      kind: 'interview_proposed',
      recipientUserId: facts.candidate.userId,
      to: facts.candidate.email,
      content: templates.interview({
        subject: `${facts.companyName} proposes interview times for ${facts.jobTitle}`,
        lines: [
          `${facts.companyName} would like to interview you for ${facts.jobTitle}. Choose the time that suits you, or ask for others:`,
          ...slots.map((s) => `• ${describeSlot(s.start, s.end, zone)}`),
          ...whereLines(facts),
          'The app shows these times in your own time zone.',
        ],
        link: absolute(context.publicUrl, CANDIDATE_PAGE),
      }),
      idempotencyKey: keyOf(facts, 'proposed', facts.candidate.userId, context.now),
    },
    context.now,
  );
}

/** Everyone taking part gets the invitation (REQUEST) or its cancellation (CANCEL), each their own. */
export async function sendInvitations(
  tx: Queryable,
  facts: InterviewFacts,
  method: 'REQUEST' | 'CANCEL',
  context: InterviewMailContext,
  reason: string | null = null,
) {
  const event = eventOf(facts, context);
  const when = describeSlot(event.start, event.end, facts.interview.timeZone);
  const moved = method === 'REQUEST' && facts.interview.sequence > 0;
  const subject =
    method === 'CANCEL' ? `Cancelled: ${event.summary}` : `${moved ? 'Moved' : 'Scheduled'}: ${event.summary}, ${when}`;
  for (const person of everyone(facts, context.publicUrl)) {
    await enqueueMail(
      tx,
      {
        kind: method === 'CANCEL' ? 'interview_cancelled' : 'interview_scheduled',
        recipientUserId: person.userId,
        to: person.email,
        content: templates.interview({
          subject,
          lines: [
            method === 'CANCEL'
              ? `The interview for ${facts.jobTitle} at ${facts.companyName} on ${when} is cancelled.`
              : `The interview for ${facts.jobTitle} at ${facts.companyName} is ${moved ? 'moved to' : 'set for'} ${when}.`,
            ...(reason ? [`Reason: ${reason}`] : []),
            ...(method === 'REQUEST' ? whereLines(facts) : []),
          ],
          link: person.link,
        }),
        idempotencyKey: keyOf(facts, method.toLowerCase(), person.userId, context.now),
        calendar: { method, content: invitationFor(event, person, method, context.now) },
      },
      context.now,
    );
  }
}

/** The company side hears that the candidate asked for other times, with their message. */
export async function sendOtherTimesRequest(
  tx: Queryable,
  facts: InterviewFacts,
  message: string | null,
  context: InterviewMailContext,
) {
  for (const member of facts.team) {
    await enqueueMail(
      tx,
      {
        kind: 'interview_other_times',
        recipientUserId: member.userId,
        to: member.email,
        content: templates.interview({
          subject: `The candidate for ${facts.jobTitle} asks for other interview times`,
          lines: [
            `The candidate cannot make the times proposed for the ${facts.jobTitle} interview and asks for others.`,
            ...(message ? [`Their message: ${message}`] : []),
          ],
          link: absolute(context.publicUrl, MEMBER_PAGE),
        }),
        idempotencyKey: keyOf(facts, 'other-times', member.userId, context.now),
      },
      context.now,
    );
  }
}

/** Proposed times withdrawn before any was chosen: no calendar holds them, so a plain email says so. */
export async function sendProposalWithdrawn(
  tx: Queryable,
  facts: InterviewFacts,
  reason: string | null,
  context: InterviewMailContext,
) {
  if (!facts.candidate) return;
  await enqueueMail(
    tx,
    {
      kind: 'interview_cancelled',
      recipientUserId: facts.candidate.userId,
      to: facts.candidate.email,
      content: templates.interview({
        subject: `Interview times withdrawn: ${facts.jobTitle} at ${facts.companyName}`,
        lines: [
          `${facts.companyName} withdrew the interview times it proposed for ${facts.jobTitle}.`,
          ...(reason ? [`Reason: ${reason}`] : []),
        ],
        link: absolute(context.publicUrl, CANDIDATE_PAGE),
      }),
      idempotencyKey: keyOf(facts, 'withdrawn', facts.candidate.userId, context.now),
    },
    context.now,
  );
}
