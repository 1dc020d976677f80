/**
 * Retention of mail: sent messages are kept 30 days (long enough to answer "did you send it?"),
 * dead ones 90 days (an admin may requeue them); their delivery log goes with them.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { outboxMessages } from '../../db/schema.ts';

const DAY_MS = 24 * 60 * 60_000;
export const SENT_MAIL_RETENTION_DAYS = 30;
export const DEAD_MAIL_RETENTION_DAYS = 90;

export async function purgeOldMail(db: Database, now: Date): Promise<number> {
  const sent = await db
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'sent'),
        lt(outboxMessages.sentAt, new Date(now.getTime() - SENT_MAIL_RETENTION_DAYS * DAY_MS)),
      ),
    )
    .returning({ id: outboxMessages.id });
  const dead = await db
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'dead'),
        lt(outboxMessages.createdAt, new Date(now.getTime() - DEAD_MAIL_RETENTION_DAYS * DAY_MS)),
      ),
    )
    .returning({ id: outboxMessages.id });
  return sent.length + dead.length;
}
