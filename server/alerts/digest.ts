/**
 * The digests, sent by the maintenance sweep: per saved search, once per period (day or ISO
 * week), the jobs it finds that were published since its last digest; per seeker, once a day,
 * new matches over their threshold. A job the seeker was told about is recorded (alert_sent_jobs)
 * and never sent again. A "new" match is for a job published in the last day or so that the
 * seeker was never told about: re-scoring old jobs' matches (experiments, algorithm changes,
 * regenerated matches) never makes them new. Each email is queued in the transaction that
 * records it, with one idempotency key per alert and period.
 */
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { alertDigests, alertSentJobs, alertSettings, jobAlerts, users } from '../../db/schema.ts';
import type { Embedder } from '../ai/types.ts';
import { searchJobs } from '../jobs/search.ts';
import { searchJobsInput } from '../jobs/schemas.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { type DigestJob, templates } from '../mail/templates.ts';
import { rowsOf } from '../sql-helpers.ts';
import { DEFAULT_MATCH_THRESHOLD } from './alerts.ts';
import { periodOf } from './periods.ts';
import { readStoredFilters, type AlertFilters } from './schemas.ts';
import { hashUnsubscribeToken, newUnsubscribeToken, unsubscribeUrl } from './unsubscribe.ts';

const DAY_MS = 86_400_000;
/** Jobs listed in one email; the rest are counted and one click away in the search. */
const JOBS_PER_EMAIL = 10;
/** Pages of search results read per alert (50 each): a period's new jobs are fewer. */
const SEARCH_PAGES = 3;
/** A match counts as new only for a job published this recently, so re-scoring old jobs never notifies. */
const NEW_MATCH_WINDOW_MS = 2 * DAY_MS;

export interface DigestDeps {
  db: Database;
  embedder: Embedder;
  now: Date;
  publicUrl: string;
}

/** The alerts whose current period has no digest yet (oldest first), at most `limit` a sweep. */
async function dueAlerts(db: Database, now: Date, limit: number) {
  return db
    .select({ alert: jobAlerts, email: users.email })
    .from(jobAlerts)
    .innerJoin(users, eq(users.id, jobAlerts.jobSeekerId))
    .where(
      or(
        and(
          eq(jobAlerts.frequency, 'daily'),
          or(isNull(jobAlerts.lastPeriod), ne(jobAlerts.lastPeriod, periodOf('daily', now))),
        ),
        and(
          eq(jobAlerts.frequency, 'weekly'),
          or(isNull(jobAlerts.lastPeriod), ne(jobAlerts.lastPeriod, periodOf('weekly', now))),
        ),
      ),
    )
    .orderBy(sql`${jobAlerts.lastRunAt} asc nulls first`, jobAlerts.id)
    .limit(limit);
}

type FoundJob = DigestJob & { id: number };

/** What the alert's search finds among the jobs published after `since` (the search's own ranking). */
async function newJobsFor(deps: DigestDeps, query: string, filters: AlertFilters, since: Date): Promise<FoundJob[]> {
  const days = Math.min(365, Math.ceil((deps.now.getTime() - since.getTime()) / DAY_MS) + 1);
  const input = searchJobsInput.parse({
    ...filters,
    q: query,
    limit: 50,
    postedWithinDays: Math.min(filters.postedWithinDays ?? 365, days),
  });
  const found: FoundJob[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < SEARCH_PAGES; page++) {
    const result = await searchJobs({ db: deps.db, embedder: deps.embedder, now: deps.now }, { ...input, cursor });
    for (const job of result.items)
      if (job.postedAt && new Date(job.postedAt) > since)
        found.push({
          id: job.id,
          title: job.title,
          companyName: job.companyName,
          location: job.location,
          url: `${deps.publicUrl}/jobs/${job.id}`,
        });
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return found;
}

/** The search page showing the same jobs (its own parameter names: web/src/pages/jobs-search.tsx). */
function searchUrl(publicUrl: string, query: string, filters: AlertFilters): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (filters.location) params.set('location', filters.location);
  if (filters.remoteAllowed) params.set('remote', '1');
  if (filters.employmentType) params.set('type', filters.employmentType);
  if (filters.salaryMin !== undefined) params.set('salary', String(filters.salaryMin));
  const search = params.toString();
  return `${publicUrl}/jobs${search ? `?${search}` : ''}`;
}

/**
 * Records a digest and the jobs in it, and queues its email, in one transaction. Jobs the seeker
 * was already told about are dropped first; with none left nothing is sent.
 */
async function recordAndQueue(
  tx: Queryable,
  digest: { seekerId: number; email: string; kind: 'search' | 'matches'; alertId: number | null; period: string },
  found: FoundJob[],
  now: Date,
  publicUrl: string,
  content: (jobs: FoundJob[], unsubscribe: string) => ReturnType<typeof templates.alertDigest>,
): Promise<boolean> {
  const told = found.length
    ? await tx
        .select({ jobId: alertSentJobs.jobId })
        .from(alertSentJobs)
        .where(
          and(
            eq(alertSentJobs.jobSeekerId, digest.seekerId),
            inArray(
              alertSentJobs.jobId,
              found.map((j) => j.id),
            ),
          ),
        )
    : [];
  const toldIds = new Set(told.map((t) => t.jobId));
  const fresh = found.filter((j) => !toldIds.has(j.id));
  if (fresh.length === 0) return false;
  const token = newUnsubscribeToken();
  const [row] = await tx
    .insert(alertDigests)
    .values({
      jobSeekerId: digest.seekerId,
      kind: digest.kind,
      alertId: digest.alertId,
      period: digest.period,
      unsubscribeTokenHash: hashUnsubscribeToken(token),
      sentAt: now,
    })
    .returning({ id: alertDigests.id });
  if (!row) throw new Error('insert into alert_digests returned no row');
  await tx
    .insert(alertSentJobs)
    .values(fresh.map((j) => ({ jobSeekerId: digest.seekerId, jobId: j.id, digestId: row.id, sentAt: now })))
    .onConflictDoNothing();
  const link = unsubscribeUrl(publicUrl, token);
  return enqueueMail(
    tx,
    {
      kind: digest.kind === 'search' ? 'job_alert' : 'new_matches',
      recipientUserId: digest.seekerId,
      to: digest.email,
      content: content(fresh, link),
      idempotencyKey:
        digest.kind === 'search'
          ? `job-alert:${digest.alertId}:${digest.period}`
          : `new-matches:${digest.seekerId}:${digest.period}`,
      unsubscribeUrl: link,
    },
    now,
  );
}

/** One digest per due alert; returns how many emails were queued. */
export async function sendAlertDigests(deps: DigestDeps, limit = 200): Promise<number> {
  let queued = 0;
  for (const { alert, email } of await dueAlerts(deps.db, deps.now, limit)) {
    const period = periodOf(alert.frequency, deps.now);
    const filters = readStoredFilters(alert.filters);
    const found = await newJobsFor(deps, alert.query, filters, alert.lastRunAt ?? alert.createdAt);
    const sent = await deps.db.transaction(async (tx) => {
      // Claims the period: a second sweep running at once finds it taken and sends nothing.
      const claimed = await tx
        .update(jobAlerts)
        .set({ lastPeriod: period, lastRunAt: deps.now })
        .where(and(eq(jobAlerts.id, alert.id), or(isNull(jobAlerts.lastPeriod), ne(jobAlerts.lastPeriod, period))))
        .returning({ id: jobAlerts.id });
      if (claimed.length === 0) return false;
      return recordAndQueue(
        tx,
        { seekerId: alert.jobSeekerId, email, kind: 'search', alertId: alert.id, period },
        found,
        deps.now,
        deps.publicUrl,
        (jobs, unsubscribe) =>
          templates.alertDigest({
            query: alert.query,
            frequency: alert.frequency,
            jobs: jobs.slice(0, JOBS_PER_EMAIL),
            more: Math.max(0, jobs.length - JOBS_PER_EMAIL),
            searchUrl: searchUrl(deps.publicUrl, alert.query, filters),
            unsubscribeUrl: unsubscribe,
          }),
      );
    });
    if (sent) queued++;
  }
  return queued;
}

interface MatchCandidate {
  job_seeker_id: number;
  email: string;
  threshold: number;
  job_id: number;
  score: number;
  title: string;
  company_name: string;
  location: string | null;
}

/** One email a day per seeker with new matches over their threshold; returns how many were queued. */
export async function sendNewMatchDigests(deps: DigestDeps, limitSeekers = 500): Promise<number> {
  const { db, now } = deps;
  const period = periodOf('daily', now);
  const windowStart = new Date(now.getTime() - NEW_MATCH_WINDOW_MS).toISOString();
  const rows = rowsOf<MatchCandidate>(
    await db.execute(sql`
      select m.job_seeker_id, u.email, coalesce(s.match_threshold, ${DEFAULT_MATCH_THRESHOLD}) as threshold,
             m.job_id, m.overall_score as score, j.title, e.company_name, j.location
      from matches m
      join users u on u.id = m.job_seeker_id
      join jobs j on j.id = m.job_id
      join employers e on e.id = j.employer_id
      left join alert_settings s on s.job_seeker_id = m.job_seeker_id
      where coalesce(s.match_emails, true)
        and s.last_match_period is distinct from ${period}
        and m.overall_score * 100 >= coalesce(s.match_threshold, ${DEFAULT_MATCH_THRESHOLD})
        and m.dismissed_at is null and not m.applied
        and j.status = 'active' and (j.expires_at is null or j.expires_at > ${now.toISOString()}::timestamptz)
        and j.posted_at > greatest(coalesce(s.last_match_run_at, '-infinity'::timestamptz), ${windowStart}::timestamptz)
        and j.posted_at <= ${now.toISOString()}::timestamptz
        and not exists (select 1 from alert_sent_jobs t where t.job_seeker_id = m.job_seeker_id and t.job_id = m.job_id)
      order by m.job_seeker_id, m.overall_score desc, m.job_id
      limit ${limitSeekers * JOBS_PER_EMAIL * 2}`),
  );
  const bySeeker = new Map<number, MatchCandidate[]>();
  for (const row of rows) bySeeker.set(row.job_seeker_id, [...(bySeeker.get(row.job_seeker_id) ?? []), row]);
  let queued = 0;
  for (const [seekerId, candidates] of [...bySeeker].slice(0, limitSeekers)) {
    const first = candidates[0]!;
    const found = candidates.slice(0, JOBS_PER_EMAIL).map((c) => ({
      id: c.job_id,
      title: c.title,
      companyName: c.company_name,
      location: c.location,
      url: `${deps.publicUrl}/jobs/${c.job_id}`,
      score: c.score,
    }));
    const sent = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(alertSettings)
        .values({ jobSeekerId: seekerId, lastMatchPeriod: period, lastMatchRunAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: alertSettings.jobSeekerId,
          set: { lastMatchPeriod: period, lastMatchRunAt: now },
          setWhere: sql`${alertSettings.lastMatchPeriod} is distinct from ${period}`,
        })
        .returning({ id: alertSettings.jobSeekerId });
      if (claimed.length === 0) return false;
      const scores = new Map(found.map((f) => [f.id, f.score]));
      return recordAndQueue(
        tx,
        { seekerId, email: first.email, kind: 'matches', alertId: null, period },
        found,
        now,
        deps.publicUrl,
        (jobs, unsubscribe) =>
          templates.matchDigest({
            jobs: jobs.map((j) => ({ ...j, score: scores.get(j.id) ?? 0 })),
            matchesUrl: `${deps.publicUrl}/me/matches`,
            unsubscribeUrl: unsubscribe,
            threshold: first.threshold,
          }),
      );
    });
    if (sent) queued++;
  }
  return queued;
}
