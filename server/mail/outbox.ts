/**
 * Writing to the outbox: call it with the transaction of the event that causes the message, so
 * the event and its email commit together or not at all. Delivery is sender.ts's job.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { outboxMessages } from '../../db/schema.ts';
import type { MailContent } from './templates.ts';
import type { CalendarInvitation } from './transport.ts';

export interface QueuedMail {
  /** The event: verify_email, password_reset, email_change, ... (notifications add theirs). */
  kind: string;
  /** Whose message it is (export, erasure); null only for mail to no account. */
  recipientUserId: number | null;
  to: string;
  content: MailContent;
  /** One message per event: a second enqueue with the same key is ignored. */
  idempotencyKey: string;
  /** One-click unsubscribe (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string | null;
  /** An iCalendar invitation (RFC 5546), sent as the message's text/calendar part. */
  calendar?: CalendarInvitation | null;
}

/** Returns true when the message was queued, false when its key was already there. */
export async function enqueueMail(tx: Queryable, mail: QueuedMail, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(outboxMessages)
    .values({
      kind: mail.kind,
      recipientUserId: mail.recipientUserId,
      toAddress: mail.to,
      subject: mail.content.subject,
      textBody: mail.content.text,
      htmlBody: mail.content.html,
      idempotencyKey: mail.idempotencyKey,
      unsubscribeUrl: mail.unsubscribeUrl ?? null,
      icalMethod: mail.calendar?.method ?? null,
      icalContent: mail.calendar?.content ?? null,
      createdAt: now,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

/** Messages created for a user since `since` of one kind: for throttles that must not reveal anything. */
export async function countRecentMail(db: Queryable, userId: number, kind: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(
      sql`${outboxMessages.recipientUserId} = ${userId} and ${outboxMessages.kind} = ${kind} and ${outboxMessages.createdAt} >= ${since.toISOString()}::timestamptz`,
    );
  return row?.n ?? 0;
}
