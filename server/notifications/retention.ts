/** Retention of notifications: read ones go 180 days after they were read, unread ones after a year. */
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { notifications } from '../../db/schema.ts';
import { purgeOldUnsubscribeTokens } from './unsubscribe.ts';

const DAY_MS = 24 * 60 * 60_000;
export const READ_NOTIFICATION_RETENTION_DAYS = 180;
export const UNREAD_NOTIFICATION_RETENTION_DAYS = 365;

export async function purgeOldNotifications(db: Queryable, now: Date): Promise<number> {
  const readBefore = new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * DAY_MS);
  const unreadBefore = new Date(now.getTime() - UNREAD_NOTIFICATION_RETENTION_DAYS * DAY_MS);
  const rows = await db
    .delete(notifications)
    .where(
      or(
        and(isNotNull(notifications.readAt), lt(notifications.readAt, readBefore)),
        and(isNull(notifications.readAt), lt(notifications.createdAt, unreadBefore)),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length + (await purgeOldUnsubscribeTokens(db, now));
}
