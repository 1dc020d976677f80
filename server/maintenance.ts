/**
 * The scheduled sweep (a Cron Trigger in the worker, a timer in the Node entry): expired jobs
 * close, inactive seekers' resumes are noticed then erased, the AI decision log gets next
 * month's partition and loses the months past its retention, and a batch of matches moves to the
 * algorithm of the running experiment (or back to the default).
 */
import type { Database } from '../db/database.ts';
import { dropExpiredDecisionPartitions, ensureDecisionPartition } from './audit/decision-log.ts';
import type { AppConfig } from './config.ts';
import { rescoreToCurrentAssignment } from './experiments/rescore.ts';
import { closeExpiredJobs } from './jobs/service.ts';
import { sweepInactiveResumes } from './seekers/retention.ts';

export async function runMaintenance(db: Database, now: Date, config: Pick<AppConfig, 'resumeRetentionMonths' | 'decisionLogRetentionMonths'> & Partial<Pick<AppConfig, 'matchingAlgorithm'>>) {
  const closedJobs = await closeExpiredJobs(db, now);
  const resumes = await sweepInactiveResumes(db, now, config.resumeRetentionMonths);
  await ensureDecisionPartition(db, now);
  await ensureDecisionPartition(db, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
  const droppedPartitions = await dropExpiredDecisionPartitions(db, now, config.decisionLogRetentionMonths);
  const rescoredMatches = await rescoreToCurrentAssignment(db, now, undefined, config.matchingAlgorithm);
  return { closedJobs, noticedResumes: resumes.noticed, erasedResumes: resumes.erased, droppedPartitions, rescoredMatches };
}
