/** A person's notifications in their export and their erasure (an employer's user row outlives erasure, so no cascade). */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { notificationPreferences, notifications, unsubscribeTokens } from '../../db/schema.ts';

/** Notifications and preferences; unsubscribe links only by their date and kind, never a token. */
export async function exportNotifications(db: Queryable, userId: number) {
  const rows = await db
    .select({
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const preferences = await db
    .select({
      kind: notificationPreferences.kind,
      inApp: notificationPreferences.inApp,
      email: notificationPreferences.email,
      updatedAt: notificationPreferences.updatedAt,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const links = await db
    .select({ kind: unsubscribeTokens.kind, createdAt: unsubscribeTokens.createdAt })
    .from(unsubscribeTokens)
    .where(eq(unsubscribeTokens.userId, userId));
  return {
    notifications: rows.map((n) => ({
      ...n,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    notificationPreferences: preferences.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })),
    unsubscribeLinks: links.map((l) => ({ kind: l.kind, createdAt: l.createdAt.toISOString() })),
  };
}

export async function eraseNotifications(tx: Queryable, userId: number): Promise<void> {
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await tx.delete(unsubscribeTokens).where(eq(unsubscribeTokens.userId, userId));
}
