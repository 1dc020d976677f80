import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { jobs } from '../../db/schema.ts';

/**
 * A job no longer public because it closed or expired: its title (its page answers 410 with
 * similar jobs). null for no such job or a draft, which was never public (404).
 */
export async function jobAvailability(db: Queryable, jobId: number, now: Date): Promise<{ title: string } | null> {
  const [row] = await db
    .select({ title: jobs.title, status: jobs.status, expiresAt: jobs.expiresAt })
    .from(jobs)
    .where(eq(jobs.id, jobId));
  if (!row) return null;
  const expired = row.status === 'active' && row.expiresAt !== null && row.expiresAt <= now;
  return row.status === 'closed' || expired ? { title: row.title } : null;
}
