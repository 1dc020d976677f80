/** A person's notification preferences: per kind and channel, defaults where they never chose. */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { notificationPreferences, type UserType } from '../../db/schema.ts';
import { DEFAULT_PREFERENCE, KIND_INFO, kindsFor, type NotificationChannel, type NotificationKind } from './kinds.ts';

export type Preference = Record<NotificationChannel, boolean>;

export async function preferenceFor(db: Queryable, userId: number, kind: NotificationKind): Promise<Preference> {
  const [row] = await db
    .select({ inApp: notificationPreferences.inApp, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row ?? DEFAULT_PREFERENCE;
}

/** Every kind of the person's role, with its label and their choice (or the default). */
export async function listPreferences(db: Queryable, userId: number, role: UserType) {
  const rows = await db
    .select({
      kind: notificationPreferences.kind,
      inApp: notificationPreferences.inApp,
      email: notificationPreferences.email,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r]));
  return kindsFor(role).map((kind) => ({
    kind,
    label: KIND_INFO[kind].label,
    inApp: chosen.get(kind)?.inApp ?? DEFAULT_PREFERENCE.inApp,
    email: chosen.get(kind)?.email ?? DEFAULT_PREFERENCE.email,
  }));
}

/** Sets the channels given for a kind; a channel left out keeps its current value. */
export async function setPreference(
  db: Queryable,
  userId: number,
  change: { kind: NotificationKind } & Partial<Preference>,
  now: Date,
): Promise<Preference> {
  const current = await preferenceFor(db, userId, change.kind);
  const next: Preference = { inApp: change.inApp ?? current.inApp, email: change.email ?? current.email };
  await db
    .insert(notificationPreferences)
    .values({ userId, kind: change.kind, ...next, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { ...next, updatedAt: now },
    });
  return next;
}
