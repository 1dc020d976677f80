/**
 * The scheduled sweep (a Cron Trigger in the worker, a timer in the Node entry): expired jobs
 * close, inactive seekers' resumes are noticed then erased, the AI decision log gets next
 * month's partition and loses the months past its retention, and a batch of matches moves to the
 * algorithm of the running experiment (or back to the default); the mail outbox is delivered and
 * its old messages and account tokens are purged; employers hear of jobs about to expire, and old
 * notifications go.
 */
import type { Database } from '../db/database.ts';
import { dropExpiredDecisionPartitions, ensureDecisionPartition } from './audit/decision-log.ts';
import type { AppConfig } from './config.ts';
import { rescoreToCurrentAssignment } from './experiments/rescore.ts';
import { closeExpiredJobs } from './jobs/service.ts';
import { sweepInactiveResumes } from './seekers/retention.ts';
import { purgeOldTokens } from './auth/tokens.ts';
import { purgeOldMail } from './mail/retention.ts';
import { purgeOldInvitations } from './companies/retention.ts';
import { purgeOldInterviewLogistics } from './interviews/retention.ts';
import { drainOutbox, type MailSender } from './mail/sender.ts';
import type { FileStore } from './files/store.ts';
import { notifyJobsAboutToExpire } from './notifications/events.ts';
import { purgeOldNotifications } from './notifications/retention.ts';
import type { Embedder } from './ai/types.ts';
import { sendAlertDigests, sendNewMatchDigests } from './alerts/digest.ts';
import { purgeOldDigests } from './alerts/retention.ts';

export interface MaintenanceOptions {
  now: Date;
  config: Pick<AppConfig, 'resumeRetentionMonths' | 'decisionLogRetentionMonths'> &
    Partial<Pick<AppConfig, 'matchingAlgorithm' | 'publicUrl'>>;
  /** Delivers what the outbox holds (retries included); null or absent: mail waits. */
  mail?: MailSender | null;
  /** Where the erased resumes' originals are deleted; absent: only their records go. */
  files?: FileStore;
  /** Runs the saved searches of the job alerts; absent: no digests this sweep. */
  embedder?: Embedder;
}

export async function runMaintenance(db: Database, { now, config, mail, files, embedder }: MaintenanceOptions) {
  const closedJobs = await closeExpiredJobs(db, now);
  const resumes = await sweepInactiveResumes(db, now, config.resumeRetentionMonths, files);
  await ensureDecisionPartition(db, now);
  await ensureDecisionPartition(db, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
  const droppedPartitions = await dropExpiredDecisionPartitions(db, now, config.decisionLogRetentionMonths);
  const rescoredMatches = await rescoreToCurrentAssignment(db, now, undefined, config.matchingAlgorithm);
  // Employers hear of jobs expiring within 3 days (once per job), in time for this sweep's drain.
  const expiringJobs = config.publicUrl ? await notifyJobsAboutToExpire(db, { now, publicUrl: config.publicUrl }) : 0;
  const digestDeps = embedder && config.publicUrl ? { db, embedder, now, publicUrl: config.publicUrl } : null;
  const alertDigests = digestDeps ? await sendAlertDigests(digestDeps) : 0;
  const matchDigests = digestDeps ? await sendNewMatchDigests(digestDeps) : 0;
  const mailed = mail ? await drainOutbox(db, mail, () => now) : null;
  const purgedMail = await purgeOldMail(db, now);
  const purgedTokens = await purgeOldTokens(db, now);
  const purgedNotifications = await purgeOldNotifications(db, now);
  const purgedDigests = await purgeOldDigests(db, now);
  const purgedInvitations = await purgeOldInvitations(db, now);
  const purgedInterviewLogistics = await purgeOldInterviewLogistics(db, now);
  return {
    closedJobs,
    noticedResumes: resumes.noticed,
    erasedResumes: resumes.erased,
    droppedPartitions,
    rescoredMatches,
    mailSent: mailed?.sent ?? 0,
    mailRetrying: mailed?.retrying ?? 0,
    mailDead: mailed?.dead ?? 0,
    purgedMail,
    purgedTokens,
    expiringJobs,
    purgedNotifications,
    alertDigests,
    matchDigests,
    purgedDigests,
    purgedInvitations,
    purgedInterviewLogistics,
  };
}
