import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { matches } from '../../db/schema.ts';
import { requireJobAccess } from '../companies/access.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { decodeScoreCursor, rowsOf } from '../sql-helpers.ts';
import { latestReviewJoin, reviewColumns, reviewOf, type ReviewRow } from './reviews.ts';
import type { SkillFit } from './scoring.ts';

interface ScoreColumns {
  overall_score: number;
  semantic_score: number | null;
  skill_match_score: number | null;
  match_reasoning: string | null;
  matched_skills: SkillFit[] | null;
  missing_skills: SkillFit[] | null;
}

/** A match's scores and reasons as both sides see them. */
const scoresOf = (r: ScoreColumns) => ({
  overallScore: r.overall_score,
  semanticScore: r.semantic_score,
  skillMatchScore: r.skill_match_score,
  matchReasoning: r.match_reasoning,
  matchedSkills: r.matched_skills ?? [],
  missingSkills: r.missing_skills ?? [],
});

/** Seed query 1: the seeker's matches with their jobs, best first, visible jobs only, dismissed ones never. */
export async function matchesForSeeker(
  db: Queryable,
  seekerId: number,
  now: Date,
  input: { limit: number; minScore: number; cursor?: string | undefined },
) {
  const cursor = decodeScoreCursor(input.cursor, 'This page link is no longer valid. Reload the page.');
  const rows = rowsOf<
    {
      job_id: number;
      title: string;
      company_name: string;
      location: string | null;
      remote_allowed: boolean;
      employment_type: string | null;
      salary_min: string | null;
      salary_max: string | null;
      currency: string;
      viewed_at: Date | string | null;
      applied: boolean;
      generated_at: Date | string;
      algorithm_version: string;
    } & ScoreColumns &
      ReviewRow
  >(
    await db.execute(sql`
      select m.job_id, jobs.title, e.company_name, jobs.location, jobs.remote_allowed, jobs.employment_type, jobs.salary_min, jobs.salary_max, jobs.currency,
             m.semantic_score, m.skill_match_score, m.overall_score, m.match_reasoning, m.matched_skills, m.missing_skills,
             m.viewed_at, m.applied, m.generated_at, m.algorithm_version, ${reviewColumns}
      from matches m join jobs on jobs.id = m.job_id join employers e on e.id = jobs.employer_id
      ${latestReviewJoin(sql`m.job_seeker_id`, sql`m.job_id`)}
      where m.job_seeker_id = ${seekerId} and m.dismissed_at is null and m.overall_score >= ${input.minScore} and ${visibleToSeekers(now)}
        ${cursor ? sql`and (m.overall_score < ${cursor.score} or (m.overall_score = ${cursor.score} and m.job_id > ${cursor.id}))` : sql``}
      order by m.overall_score desc, m.job_id asc
      limit ${input.limit + 1}`),
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      jobId: r.job_id,
      job: {
        id: r.job_id,
        title: r.title,
        companyName: r.company_name,
        location: r.location,
        remoteAllowed: r.remote_allowed,
        employmentType: r.employment_type,
        salaryMin: r.salary_min,
        salaryMax: r.salary_max,
        currency: r.currency,
      },
      ...scoresOf(r),
      viewedAt: r.viewed_at ? new Date(r.viewed_at).toISOString() : null,
      applied: r.applied,
      generatedAt: new Date(r.generated_at).toISOString(),
      algorithmVersion: r.algorithm_version,
      review: reviewOf(r),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.overall_score}:${last.job_id}` : null,
  };
}

async function updateOwnMatch(
  db: Queryable,
  seekerId: number,
  jobId: number,
  set: Partial<typeof matches.$inferInsert>,
) {
  const updated = await db
    .update(matches)
    .set(set)
    .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, jobId)))
    .returning({ jobId: matches.jobId });
  if (!updated.length) throw new TRPCError({ code: 'NOT_FOUND', message: 'This match was not found.' });
}

export async function markViewed(db: Queryable, seekerId: number, jobId: number, now: Date) {
  await updateOwnMatch(db, seekerId, jobId, {
    viewedAt: sql`coalesce(${matches.viewedAt}, ${now.toISOString()}::timestamptz)` as unknown as Date,
  });
  return { jobId, viewed: true };
}

/** Why a seeker hides a match; kept as feedback for the algorithm. */
export const DISMISS_REASONS = [
  'not_relevant',
  'wrong_skills',
  'wrong_location',
  'wrong_seniority',
  'wrong_salary',
  'other',
] as const;

export async function undismissMatch(db: Queryable, seekerId: number, jobId: number) {
  await updateOwnMatch(db, seekerId, jobId, { dismissedAt: null, feedback: null });
  return { jobId, dismissed: false };
}

export async function dismissMatch(db: Queryable, seekerId: number, jobId: number, now: Date, feedback: string) {
  await updateOwnMatch(db, seekerId, jobId, { dismissedAt: now, feedback });
  return { jobId, dismissed: true };
}

/**
 * Seed query 3: the job's candidates, best first, for its owner. A seeker's contact details
 * (email, phone) are included only once they applied to this job.
 */
export async function candidatesForJob(db: Queryable, userId: number, jobId: number, minScore: number) {
  await requireJobAccess(db, userId, jobId, 'manage');
  const rows = rowsOf<
    {
      seeker_id: number;
      first_name: string;
      last_name: string;
      location: string | null;
      headline: string | null;
      application_id: number | null;
      application_status: string | null;
      email: string | null;
      phone: string | null;
    } & ScoreColumns &
      ReviewRow
  >(
    await db.execute(sql`
      select s.id as seeker_id, s.first_name, s.last_name, s.location, coalesce(s.resume_data->'basics'->>'label', s.resume_data->'work'->0->>'position') as headline,
             m.overall_score, m.semantic_score, m.skill_match_score, m.match_reasoning, m.matched_skills, m.missing_skills,
             a.id as application_id, a.status as application_status,
             case when a.id is not null then u.email end as email,
             case when a.id is not null then s.phone end as phone,
             ${reviewColumns}
      from matches m
      join job_seekers s on s.id = m.job_seeker_id
      join users u on u.id = s.id
      left join applications a on a.job_id = m.job_id and a.job_seeker_id = m.job_seeker_id
      ${latestReviewJoin(sql`m.job_seeker_id`, sql`m.job_id`)}
      -- A candidate who asked for a human review is always listed, whatever the score.
      where m.job_id = ${jobId} and (m.overall_score >= ${minScore} or review.id is not null)
      order by m.overall_score desc, s.id asc
      limit 200`),
  );
  return rows.map((r) => ({
    seekerId: r.seeker_id,
    firstName: r.first_name,
    lastName: r.last_name,
    location: r.location,
    headline: r.headline,
    ...scoresOf(r),
    application: r.application_id ? { id: r.application_id, status: r.application_status! } : null,
    contact: r.application_id ? { email: r.email, phone: r.phone } : null,
    review: reviewOf(r),
  }));
}
