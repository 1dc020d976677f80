/** Saved searches of a seeker and their alert settings. Another seeker's alert answers NOT_FOUND. */
import { TRPCError } from '@trpc/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { alertSettings, jobAlerts } from '../../db/schema.ts';
import { type CreateAlertInput, MAX_ALERTS_PER_SEEKER, readStoredFilters } from './schemas.ts';

export const DEFAULT_MATCH_THRESHOLD = 70;

export async function createAlert(db: Database, seekerId: number, input: CreateAlertInput, now: Date) {
  return db.transaction(async (tx) => {
    // Serializes this seeker's concurrent creates, so the cap holds under a burst of calls.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('job_alerts'), ${seekerId})`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(jobAlerts)
      .where(eq(jobAlerts.jobSeekerId, seekerId));
    if (n >= MAX_ALERTS_PER_SEEKER)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `You can keep at most ${MAX_ALERTS_PER_SEEKER} alerts. Delete one to add another.`,
      });
    const [row] = await tx
      .insert(jobAlerts)
      .values({
        jobSeekerId: seekerId,
        query: input.q,
        filters: input.filters,
        frequency: input.frequency,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert into job_alerts returned no row');
    return presentAlert(row);
  });
}

function presentAlert(row: typeof jobAlerts.$inferSelect) {
  return {
    id: row.id,
    q: row.query,
    filters: readStoredFilters(row.filters),
    frequency: row.frequency,
    createdAt: row.createdAt.toISOString(),
    lastSentPeriod: row.lastPeriod,
  };
}

export async function listAlerts(db: Database, seekerId: number) {
  const rows = await db
    .select()
    .from(jobAlerts)
    .where(eq(jobAlerts.jobSeekerId, seekerId))
    .orderBy(asc(jobAlerts.createdAt), asc(jobAlerts.id));
  return rows.map(presentAlert);
}

export async function deleteAlert(db: Database, seekerId: number, id: number) {
  const deleted = await db
    .delete(jobAlerts)
    .where(and(eq(jobAlerts.id, id), eq(jobAlerts.jobSeekerId, seekerId)))
    .returning({ id: jobAlerts.id });
  if (deleted.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'This alert does not exist.' });
  return { id, deleted: true };
}

export async function getAlertSettings(db: Database, seekerId: number) {
  const [row] = await db
    .select({ matchThreshold: alertSettings.matchThreshold, matchEmails: alertSettings.matchEmails })
    .from(alertSettings)
    .where(eq(alertSettings.jobSeekerId, seekerId));
  return row ?? { matchThreshold: DEFAULT_MATCH_THRESHOLD, matchEmails: true };
}

export async function setAlertSettings(
  db: Database,
  seekerId: number,
  settings: { matchThreshold: number; matchEmails: boolean },
  now: Date,
) {
  await db
    .insert(alertSettings)
    .values({ jobSeekerId: seekerId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: alertSettings.jobSeekerId, set: { ...settings, updatedAt: now } });
  return settings;
}
