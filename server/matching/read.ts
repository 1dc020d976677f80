import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { type InvitationStatus, matches } from '../../db/schema.ts';
import { requireJobAccess } from '../companies/access.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { decodeScoreCursor, rowsAsJson, rowsOf } from '../sql-helpers.ts';
import { latestReviewJoin, reviewColumns, reviewOf, type ReviewRow } from './reviews.ts';
import type { SkillFit } from './scoring.ts';
import { candidateIdOf, identifyingNames, pseudonymOf, sameCandidateId, scrub } from './anonymous.ts';

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
  const rows = await rowsAsJson<
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
      viewed_at: string | null;
      applied: boolean;
      generated_at: string;
      algorithm_version: string;
    } & ScoreColumns &
      ReviewRow
  >(
    db,
    sql`
      select m.job_id, jobs.title, e.company_name, jobs.location, jobs.remote_allowed, jobs.employment_type,
             jobs.salary_min::text as salary_min, jobs.salary_max::text as salary_max, jobs.currency,
             m.semantic_score, m.skill_match_score, m.overall_score, m.match_reasoning, m.matched_skills, m.missing_skills,
             m.viewed_at, m.applied, m.generated_at, m.algorithm_version, ${reviewColumns}
      from matches m join jobs on jobs.id = m.job_id join employers e on e.id = jobs.employer_id
      ${latestReviewJoin({ seekerId })}
      where m.job_seeker_id = ${seekerId} and m.dismissed_at is null and m.overall_score >= ${input.minScore} and ${visibleToSeekers(now)}
        ${cursor ? sql`and (m.overall_score < ${cursor.score} or (m.overall_score = ${cursor.score} and m.job_id > ${cursor.id}))` : sql``}
      order by m.overall_score desc, m.job_id asc
      limit ${input.limit + 1}`,
    sql`r.overall_score desc, r.job_id asc`,
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

async function updateOwnMatch(db: Queryable, seekerId: number, jobId: number, set: PgUpdateSetSource<typeof matches>) {
  const updated = await db
    .update(matches)
    .set(set)
    .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, jobId)))
    .returning({ jobId: matches.jobId });
  if (!updated.length) throw new TRPCError({ code: 'NOT_FOUND', message: 'This match was not found.' });
}

export async function markViewed(db: Queryable, seekerId: number, jobId: number, now: Date) {
  await updateOwnMatch(db, seekerId, jobId, {
    viewedAt: sql`coalesce(${matches.viewedAt}, ${now.toISOString()}::timestamptz)`,
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

interface CandidateRow extends ScoreColumns, ReviewRow {
  seeker_id: number;
  first_name: string;
  last_name: string;
  location: string | null;
  headline: string | null;
  email: string;
  phone: string | null;
  resume_data: unknown;
  candidate_key: string;
  application_id: number | null;
  application_status: string | null;
  invitation_status: InvitationStatus | null;
  invitation_created_at: Date | string | null;
  invitation_responded_at: Date | string | null;
}

const invitationOf = (r: CandidateRow) =>
  r.invitation_status
    ? {
        status: r.invitation_status,
        createdAt: new Date(r.invitation_created_at!).toISOString(),
        respondedAt: r.invitation_responded_at ? new Date(r.invitation_responded_at).toISOString() : null,
      }
    : null;

/** An applicant, or a seeker who asked this employer for a person's review: shown in full, as they addressed them. */
function identifiedCandidate(r: CandidateRow) {
  return {
    identified: true as const,
    seekerId: r.seeker_id,
    firstName: r.first_name,
    lastName: r.last_name,
    location: r.location,
    headline: r.headline,
    ...scoresOf(r),
    application: r.application_id ? { id: r.application_id, status: r.application_status! } : null,
    // Contact details only once they applied to this job.
    contact: r.application_id ? { email: r.email, phone: r.phone } : null,
    review: reviewOf(r),
    invitation: invitationOf(r),
  };
}

/** A seeker who said yes to being found and has not applied: no name, contact, employers or ids. */
function anonymousCandidate(r: CandidateRow, jobId: number) {
  const names = identifyingNames({
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    resumeData: r.resume_data,
  });
  const candidateId = candidateIdOf(r.candidate_key, jobId);
  return {
    identified: false as const,
    candidateId,
    pseudonym: pseudonymOf(candidateId),
    headline: scrub(r.headline, names),
    ...scoresOf(r),
    matchReasoning: scrub(r.match_reasoning, names),
    invitation: invitationOf(r),
  };
}

/**
 * Seed query 3: the job's candidates, best first, for its owner. Applicants are shown in full
 * (contact details once they applied), and so is a seeker who asked for a person to review
 * their candidacy for this job. Anyone else only if they made themselves visible to employers
 * and did not dismiss this job, and then anonymously (anonymous.ts).
 */
export async function candidatesForJob(db: Queryable, userId: number, jobId: number, minScore: number) {
  await requireJobAccess(db, userId, jobId, 'manage');
  const rows = rowsOf<CandidateRow>(
    await db.execute(sql`
      select s.id as seeker_id, s.first_name, s.last_name, s.location, coalesce(s.resume_data->'basics'->>'label', s.resume_data->'work'->0->>'position') as headline,
             u.email, s.phone, s.resume_data, s.candidate_key,
             m.overall_score, m.semantic_score, m.skill_match_score, m.match_reasoning, m.matched_skills, m.missing_skills,
             a.id as application_id, a.status as application_status,
             ci.status as invitation_status, ci.created_at as invitation_created_at, ci.responded_at as invitation_responded_at,
             ${reviewColumns}
      from matches m
      join job_seekers s on s.id = m.job_seeker_id
      join users u on u.id = s.id
      left join applications a on a.job_id = m.job_id and a.job_seeker_id = m.job_seeker_id
      left join candidate_invitations ci on ci.job_id = m.job_id and ci.job_seeker_id = m.job_seeker_id
      ${latestReviewJoin({ jobId })}
      -- A candidate who asked for a human review is always listed, whatever the score.
      where m.job_id = ${jobId} and (m.overall_score >= ${minScore} or review.id is not null)
        and (a.id is not null or review.id is not null or (s.visible_to_employers and m.dismissed_at is null))
      order by m.overall_score desc, s.id asc
      limit 200`),
  );
  return rows.map((r) =>
    r.application_id !== null || r.review_id !== null ? identifiedCandidate(r) : anonymousCandidate(r, jobId),
  );
}

/** The visible, not-dismissed, not-applied seeker behind a candidate id of this job, or null. */
export async function anonymousCandidateBehind(db: Queryable, jobId: number, candidateId: string) {
  const rows = rowsOf<{ seeker_id: number; candidate_key: string; email: string; applied: boolean }>(
    await db.execute(sql`
      select s.id as seeker_id, s.candidate_key, u.email, exists (
               select 1 from applications a where a.job_id = m.job_id and a.job_seeker_id = m.job_seeker_id) as applied
      from matches m join job_seekers s on s.id = m.job_seeker_id join users u on u.id = s.id
      where m.job_id = ${jobId} and s.visible_to_employers and m.dismissed_at is null`),
  );
  const row = rows.find((r) => sameCandidateId(candidateIdOf(r.candidate_key, jobId), candidateId));
  return row ? { seekerId: row.seeker_id, email: row.email, applied: row.applied } : null;
}
