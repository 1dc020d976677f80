/**
 * The one entry point of every domain: call `notify` with the transaction of the event, so the
 * event, its in-app notification and its email (through the outbox) commit together or not at
 * all. The person's preference for the kind decides which of the two are written.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { notifications, outboxMessages, users } from '../../db/schema.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { notificationTemplates } from '../mail/templates.ts';
import { KIND_INFO, type NotificationKind } from './kinds.ts';
import { preferenceFor } from './preferences.ts';
import { issueUnsubscribeUrl } from './unsubscribe.ts';

export interface NotificationEvent {
  userId: number;
  kind: NotificationKind;
  /** Names the event (e.g. `application:12:interview`): the same event never notifies twice. */
  eventKey: string;
  title: string;
  body: string;
  /** A path inside the app, such as /me/applications. */
  link: string;
  /** The ids the notification is about, for the page that lists it. */
  data?: Record<string, string | number | null>;
}

/** What notifying needs besides the transaction: the time of the event and where links point. */
export interface NotifyContext {
  now: Date;
  /** The public origin (config.publicUrl): email links are absolute. */
  publicUrl: string;
}

export async function notify(
  tx: Queryable,
  event: NotificationEvent,
  context: NotifyContext,
): Promise<{ inApp: boolean; email: boolean }> {
  const preference = await preferenceFor(tx, event.userId, event.kind);
  let inApp = false;
  if (preference.inApp) {
    const inserted = await tx
      .insert(notifications)
      .values({
        userId: event.userId,
        kind: event.kind,
        eventKey: event.eventKey.slice(0, 200),
        title: event.title,
        body: event.body,
        link: event.link,
        data: event.data ?? {},
        createdAt: context.now,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    inApp = inserted.length > 0;
  }
  const email = preference.email ? await enqueueNotificationEmail(tx, event, context) : false;
  return { inApp, email };
}

async function enqueueNotificationEmail(
  tx: Queryable,
  event: NotificationEvent,
  { now, publicUrl }: NotifyContext,
): Promise<boolean> {
  const idempotencyKey = `notify:${event.userId}:${event.eventKey}`.slice(0, 200);
  // Told already: no second token for an email that will not be sent.
  const [queued] = await tx
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(eq(outboxMessages.idempotencyKey, idempotencyKey));
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, event.userId));
  if (queued || !user) return false;
  const unsubscribeUrl = await issueUnsubscribeUrl(tx, event.userId, event.kind, publicUrl, now);
  return enqueueMail(
    tx,
    {
      kind: `notify_${event.kind}`,
      recipientUserId: event.userId,
      to: user.email,
      content: notificationTemplates.notification({
        title: event.title,
        body: event.body,
        link: `${publicUrl.replace(/\/+$/, '')}${event.link}`,
        unsubscribeUrl,
        kindLabel: KIND_INFO[event.kind].label,
      }),
      idempotencyKey,
      unsubscribeUrl,
    },
    now,
  );
}

/** For a procedure whose event may have queued mail: its result, and the outbox drained after the response. */
export async function thenDeliverMail<T>(ctx: { drainMail(): void }, event: Promise<T>): Promise<T> {
  const result = await event;
  ctx.drainMail();
  return result;
}
