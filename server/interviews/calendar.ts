/**
 * iCalendar (RFC 5545) for interviews, written by ical-generator: an invitation or its
 * cancellation (iTIP, RFC 5546: METHOD REQUEST / CANCEL, same UID, SEQUENCE raised by every
 * change) and a member's read-only feed. Times are written in UTC ("...Z"): every client places
 * them at the right instant whatever its zone, including across a daylight-saving change, with no
 * VTIMEZONE to carry (the packaged VTIMEZONE data reads files, which a worker cannot). The
 * proposer's zone is named in the description, where people read it.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalCalendar,
  ICalEventStatus,
} from 'ical-generator';

const PRODUCT_ID = { company: 'Fitwork', product: 'Interviews', language: 'EN' };

export interface InterviewEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  videoLink: string | null;
  /** Who sends the invitation: the platform's address, named after the company. */
  organizer: { name: string; email: string };
}

export interface Attendee {
  name: string;
  email: string;
}

function addEvent(
  calendar: ICalCalendar,
  event: InterviewEvent,
  stamp: Date,
  attendee: Attendee | null,
  cancelled: boolean,
) {
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp,
    start: event.start,
    end: event.end,
    summary: event.summary,
    description: event.description,
    location: event.location ?? event.videoLink,
    url: event.videoLink,
    organizer: event.organizer,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // Each person's invitation names only them: nobody learns another attendee's address.
    attendees: attendee
      ? [
          {
            name: attendee.name,
            email: attendee.email,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.NEEDSACTION,
            rsvp: false,
          },
        ]
      : [],
  });
}

/** An iTIP message for one attendee: the interview at its time (REQUEST) or called off (CANCEL). */
export function invitationFor(
  event: InterviewEvent,
  attendee: Attendee,
  method: 'REQUEST' | 'CANCEL',
  stamp: Date,
): string {
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  addEvent(calendar, event, stamp, attendee, method === 'CANCEL');
  return calendar.toString();
}

/** A read-only feed (METHOD PUBLISH) of a member's interviews; cancelled ones stay, marked so. */
export function feedOf(events: (InterviewEvent & { cancelled: boolean })[], name: string, stamp: Date): string {
  const calendar = ical({ prodId: PRODUCT_ID, method: ICalCalendarMethod.PUBLISH, name, ttl: 15 * 60 });
  for (const event of events) addEvent(calendar, event, stamp, null, event.cancelled);
  return calendar.toString();
}
