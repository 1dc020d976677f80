/** A seeker's saved jobs, alerts, alert settings and digests in their export and their erasure. */
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { alertDigests, alertSentJobs, alertSettings, jobAlerts, savedJobs } from '../../db/schema.ts';
import { getAlertSettings, listAlerts } from './alerts.ts';
import { listSavedJobs } from './saved.ts';

/** Everything of this domain about the seeker; the digests without their unsubscribe token hashes. */
export async function exportAlerts(db: Database, seekerId: number, now: Date) {
  const digests = await db
    .select({ id: alertDigests.id, kind: alertDigests.kind, period: alertDigests.period, sentAt: alertDigests.sentAt })
    .from(alertDigests)
    .where(eq(alertDigests.jobSeekerId, seekerId));
  const told = await db
    .select({ jobId: alertSentJobs.jobId, digestId: alertSentJobs.digestId, sentAt: alertSentJobs.sentAt })
    .from(alertSentJobs)
    .where(eq(alertSentJobs.jobSeekerId, seekerId));
  return {
    savedJobs: await listSavedJobs(db, seekerId, now),
    jobAlerts: await listAlerts(db, seekerId),
    alertSettings: await getAlertSettings(db, seekerId),
    alertDigests: digests.map((d) => ({
      ...d,
      sentAt: d.sentAt.toISOString(),
      jobIds: told.filter((t) => t.digestId === d.id).map((t) => t.jobId),
    })),
  };
}

/** Erased with the account (the job_seekers row's cascade does it too; this says so where it is read). */
export async function eraseAlerts(tx: Queryable, seekerId: number): Promise<void> {
  await tx.delete(alertSentJobs).where(eq(alertSentJobs.jobSeekerId, seekerId));
  await tx.delete(alertDigests).where(eq(alertDigests.jobSeekerId, seekerId));
  await tx.delete(jobAlerts).where(eq(jobAlerts.jobSeekerId, seekerId));
  await tx.delete(alertSettings).where(eq(alertSettings.jobSeekerId, seekerId));
  await tx.delete(savedJobs).where(eq(savedJobs.jobSeekerId, seekerId));
}
