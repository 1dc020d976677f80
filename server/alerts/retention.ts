/**
 * Retention of the digest record: a digest and the list of jobs it told about are kept 90 days
 * (its unsubscribe link works that long). Older jobs cannot come back: a saved search only sends
 * jobs published since its last digest, and a match is new only for a job of the last two days.
 */
import { lt } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { alertDigests } from '../../db/schema.ts';

export const DIGEST_RETENTION_DAYS = 90;

export async function purgeOldDigests(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(alertDigests)
    .where(lt(alertDigests.sentAt, new Date(now.getTime() - DIGEST_RETENTION_DAYS * 86_400_000)))
    .returning({ id: alertDigests.id });
  return deleted.length;
}
