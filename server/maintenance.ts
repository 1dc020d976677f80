/**
 * The scheduled sweep (a Cron Trigger in the worker, a timer in the Node entry): expired jobs
 * close, inactive seekers' resumes are noticed then erased, the AI decision log gets next
 * month's partition and loses the months past its retention, and a batch of matches moves to the
 * algorithm of the running experiment (or back to the default); the mail outbox is delivered and
 * its old messages and account tokens are purged.
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
import { drainOutbox, type MailSender } from './mail/sender.ts';

export async function runMaintenance(
  db: Database,
  now: Date,
  config: Pick<AppConfig, 'resumeRetentionMonths' | 'decisionLogRetentionMonths'> &
    Partial<Pick<AppConfig, 'matchingAlgorithm'>>,
  /** Delivers what the outbox holds (retries included); null or absent: mail waits. */
  mail?: MailSender | null,
) {
  const closedJobs = await closeExpiredJobs(db, now);
  const resumes = await sweepInactiveResumes(db, now, config.resumeRetentionMonths);
  await ensureDecisionPartition(db, now);
  await ensureDecisionPartition(db, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
  const droppedPartitions = await dropExpiredDecisionPartitions(db, now, config.decisionLogRetentionMonths);
  const rescoredMatches = await rescoreToCurrentAssignment(db, now, undefined, config.matchingAlgorithm);
  const mailed = mail ? await drainOutbox(db, mail, () => now) : null;
  const purgedMail = await purgeOldMail(db, now);
  const purgedTokens = await purgeOldTokens(db, now);
  const purgedInvitations = await purgeOldInvitations(db, now);
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
    purgedInvitations,
  };
}
