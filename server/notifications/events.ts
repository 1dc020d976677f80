/**
 * The events other domains report, each turned into a notification for the one person it
 * concerns. Each takes the event's transaction; the texts name only what the recipient may see
 * (their own job or application, the employer's company), never the other side's personal data.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { applications, employers, jobs, matchReviews } from '../../db/schema.ts';
import { companyAudience } from '../companies/audience.ts';
import { type NotificationEvent, notify, type NotifyContext } from './notify.ts';

/** The same event to each member of the company who should hear it, each by their own preferences. */
async function notifyTeam(
  tx: Queryable,
  companyId: number,
  about: { applicationId?: number },
  event: Omit<NotificationEvent, 'userId'>,
  context: NotifyContext,
) {
  const told = { inApp: false, email: false };
  for (const userId of await companyAudience(tx, companyId, about)) {
    const result = await notify(tx, { ...event, userId }, context);
    told.inApp ||= result.inApp;
    told.email ||= result.email;
  }
  return told;
}

const STATUS_WORDS: Record<string, string> = {
  reviewed: 'was reviewed',
  interview: 'moved to the interview stage',
  accepted: 'was accepted',
  rejected: 'was not selected this time',
  withdrawn: 'was withdrawn',
};

/**
 * What the texts about an application or a match review may name: both tie one seeker to one job,
 * so one query serves either table.
 */
async function seekerJobInfo(tx: Queryable, table: typeof applications | typeof matchReviews, id: number) {
  const [row] = await tx
    .select({
      seekerId: table.jobSeekerId,
      jobId: jobs.id,
      jobTitle: jobs.title,
      employerId: jobs.employerId,
      companyName: employers.companyName,
    })
    .from(table)
    .innerJoin(jobs, eq(jobs.id, table.jobId))
    .innerJoin(employers, eq(employers.id, jobs.employerId))
    .where(eq(table.id, id));
  return row ?? null;
}

/** Seekers: an employer moved their application. */
export async function notifyApplicationStatus(
  tx: Queryable,
  applicationId: number,
  status: string,
  context: NotifyContext,
): Promise<void> {
  const info = await seekerJobInfo(tx, applications, applicationId);
  if (!info?.seekerId) return;
  await notify(
    tx,
    {
      userId: info.seekerId,
      kind: 'application_status',
      eventKey: `application:${applicationId}:${status}`,
      title: `Your application for ${info.jobTitle} ${STATUS_WORDS[status] ?? `is now ${status}`}`,
      body: `${info.companyName} updated your application for ${info.jobTitle}: it ${STATUS_WORDS[status] ?? `is now ${status}`}.`,
      link: '/me/applications',
      data: { applicationId, jobId: info.jobId, status },
    },
    context,
  );
}

/** Employers: a seeker applied to one of their jobs. */
export async function notifyNewApplicant(tx: Queryable, applicationId: number, context: NotifyContext): Promise<void> {
  const info = await seekerJobInfo(tx, applications, applicationId);
  if (!info) return;
  await notifyTeam(
    tx,
    info.employerId,
    { applicationId },
    {
      kind: 'new_applicant',
      eventKey: `application:${applicationId}:submitted`,
      title: `A new candidate applied to ${info.jobTitle}`,
      body: `Someone applied to ${info.jobTitle}. Their application, match score and contact details are on the job's candidates page.`,
      link: `/employer/jobs/${info.jobId}`,
      data: { applicationId, jobId: info.jobId },
    },
    context,
  );
}

/** Employers: a candidate contested a match score or asked for a person's review. */
export async function notifyReviewRequested(tx: Queryable, reviewId: number, context: NotifyContext): Promise<void> {
  const info = await seekerJobInfo(tx, matchReviews, reviewId);
  if (!info) return;
  await notifyTeam(
    tx,
    info.employerId,
    {},
    {
      kind: 'review_requested',
      eventKey: `review:${reviewId}:requested`,
      title: `A candidate asked for a review on ${info.jobTitle}`,
      body: `A candidate for ${info.jobTitle} asked a person to review their match. The request and its message are beside the candidate.`,
      link: `/employer/jobs/${info.jobId}`,
      data: { reviewId, jobId: info.jobId },
    },
    context,
  );
}

/** Seekers: the employer answered their review request. */
export async function notifyReviewAnswered(tx: Queryable, reviewId: number, context: NotifyContext): Promise<void> {
  const info = await seekerJobInfo(tx, matchReviews, reviewId);
  if (!info?.seekerId) return;
  await notify(
    tx,
    {
      userId: info.seekerId,
      kind: 'review_answered',
      eventKey: `review:${reviewId}:answered`,
      title: `${info.companyName} answered your review request`,
      body: `${info.companyName} answered your request about ${info.jobTitle}. Their answer is with the match.`,
      link: '/me/matches',
      data: { reviewId, jobId: info.jobId },
    },
    context,
  );
}

/**
 * Seekers: an employer invited them to apply (issue 16's invitations call this in the
 * transaction that records the invitation).
 */
export async function notifyInvitation(
  tx: Queryable,
  invitation: { id: number; seekerId: number; jobId: number; companyName: string },
  context: NotifyContext,
): Promise<void> {
  const [job] = await tx.select({ title: jobs.title }).from(jobs).where(eq(jobs.id, invitation.jobId));
  if (!job) return;
  const companyName = invitation.companyName;
  await notify(
    tx,
    {
      userId: invitation.seekerId,
      kind: 'invitation',
      eventKey: `invitation:${invitation.id}`,
      title: `${companyName} invited you to apply for ${job.title}`,
      body: `${companyName} found your profile among the candidates for ${job.title} and invited you to apply. They do not know who you are: they learn it only if you apply. Accept or decline on your matches page.`,
      link: '/me/matches',
      data: { invitationId: invitation.id, jobId: invitation.jobId },
    },
    context,
  );
}

const EXPIRY_NOTICE_DAYS = 3;

/**
 * Employers, from the sweep: each active job whose expiry is within 3 days, once per job and
 * member. A job every owner and recruiter was told about (a notification or an email exists) is
 * skipped; each job in its own transaction.
 */
export async function notifyJobsAboutToExpire(db: Database, context: NotifyContext, limit = 200): Promise<number> {
  const { now } = context;
  const horizon = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 24 * 60 * 60_000);
  const due = await db
    .select({ id: jobs.id, title: jobs.title, employerId: jobs.employerId, expiresAt: jobs.expiresAt })
    .from(jobs)
    .where(
      and(
        eq(jobs.status, 'active'),
        gt(jobs.expiresAt, now),
        lte(jobs.expiresAt, horizon),
        // Due while one of its owners or recruiters has been told neither in the app nor by email.
        sql`exists (select 1 from company_members m where m.company_id = ${jobs.employerId} and m.role in ('owner', 'recruiter')
          and not exists (select 1 from notifications n where n.user_id = m.user_id and n.event_key = 'job_expiring:' || ${jobs.id})
          and not exists (select 1 from outbox_messages o where o.idempotency_key = 'notify:' || m.user_id || ':job_expiring:' || ${jobs.id}))`,
      ),
    )
    .orderBy(jobs.expiresAt)
    .limit(limit);
  let told = 0;
  for (const job of due) {
    const result = await db.transaction((tx) =>
      notifyTeam(
        tx,
        job.employerId,
        {},
        {
          kind: 'job_expiring',
          eventKey: `job_expiring:${job.id}`,
          title: `${job.title} expires soon`,
          body: `Your job ${job.title} closes on ${job.expiresAt!.toISOString().slice(0, 10)}. Extend it from the job's edit page to keep receiving applicants.`,
          link: `/employer/jobs/${job.id}/edit`,
          data: { jobId: job.id },
        },
        context,
      ),
    );
    if (result.inApp || result.email) told++;
  }
  return told;
}
