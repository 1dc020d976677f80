/**
 * What the outbox hands a transport, and how a transport says a failure is final. Transports:
 * SMTP (Node, smtp.ts), Resend's HTTP API (worker or Node, resend.ts), the development mailbox
 * (dev-mailbox.ts). None imports the database or a domain.
 */
/** An iCalendar object (RFC 5545) and its iTIP method (RFC 5546): an invitation or its cancellation. */
export interface CalendarInvitation {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

interface OutgoingMail {
  /** The outbox row's id: for logs and the development mailbox, never shown to the recipient. */
  messageId: number;
  kind: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent to the provider (Idempotency-Key, Message-ID) so a retried send is not a second email. */
  idempotencyKey: string;
  /** A notification's one-click unsubscribe URL: the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058). */
  unsubscribeUrl?: string | null;
  /** Sent as the text/calendar part (SMTP) or an invite.ics attachment (Resend). */
  calendar?: CalendarInvitation | null;
}

/** RFC 8058's two headers, for transports that take headers as they are. */
export function unsubscribeHeaders(mail: OutgoingMail): Record<string, string> {
  return mail.unsubscribeUrl
    ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    : {};
}

export interface MailTransport {
  /** Short name kept in the delivery log: smtp, resend, dev-mailbox. */
  name: string;
  /** Resolves when the transport accepted the message (with its id there, if any); throws otherwise. */
  send(mail: OutgoingMail): Promise<{ providerId: string | null }>;
}

/** A refusal that retrying cannot fix (a rejected address, a bad API key): the message goes dead at once. */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}
