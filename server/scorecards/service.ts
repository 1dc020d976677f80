/**
 * Scorecards (issue 19 part 4): an assigned interviewer's feedback on an application, a rating
 * per skill the job asks for, an overall recommendation and notes. The company's owners and
 * recruiters read every card with its author; an interviewer reads their own, and the others'
 * only once theirs is in (as Greenhouse does, so a first impression is not borrowed). The
 * candidate never reads any: no seeker-facing answer selects from `scorecards`.
 */
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  applications,
  type CompanyRole,
  companyMembers,
  interviewInterviewers,
  interviews,
  jobSeekers,
  jobSkills,
  jobs,
  type RECOMMENDATIONS,
  scorecards,
  skills,
  users,
} from '../../db/schema.ts';
import {
  isAssignedInterviewer,
  requireApplicationAccess,
  requireAssignedApplication,
  requireCompanyAccess,
} from '../companies/access.ts';

export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RATING_MIN = 1;
export const RATING_MAX = 4;
export const NOTES_MAX = 5_000;

/** A skill of the job, as a scorecard rates it: `skillId` is the job's skill row (catalog or the employer's own). */
export interface SkillToRate {
  skillId: number;
  name: string;
}
export interface Rating {
  skillId: number;
  skill: string;
  rating: number;
}
export interface ScorecardInput {
  applicationId: number;
  ratings: { skillId: number; rating: number }[];
  recommendation: Recommendation;
  notes: string | null;
}

/** An erased member's login is scrubbed to this domain (account.delete): their cards stay, anonymous. */
const ERASED_DOMAIN = '@erased.invalid';

export async function skillsToRate(db: Queryable, jobId: number): Promise<SkillToRate[]> {
  return db
    .select({ skillId: jobSkills.id, name: sql<string>`coalesce(${skills.name}, ${jobSkills.customName})` })
    .from(jobSkills)
    .leftJoin(skills, eq(skills.id, jobSkills.skillId))
    .where(eq(jobSkills.jobId, jobId))
    .orderBy(asc(jobSkills.priority), sql`coalesce(${skills.name}, ${jobSkills.customName})`);
}

function refuse(message: string): never {
  throw new TRPCError({ code: 'BAD_REQUEST', message });
}

/** One rating per skill the job asks for, each once; a skill it does not ask for is refused. */
export function checkRatings(asked: SkillToRate[], given: ScorecardInput['ratings']): Rating[] {
  const byId = new Map(asked.map((s) => [s.skillId, s]));
  const seen = new Set<number>();
  for (const { skillId } of given) {
    if (!byId.has(skillId)) refuse('This job does not ask for one of the skills rated: reload the form.');
    if (seen.has(skillId)) refuse(`${byId.get(skillId)!.name} is rated twice.`);
    seen.add(skillId);
  }
  const missing = asked.find((s) => !seen.has(s.skillId));
  if (missing) refuse(`Rate ${missing.name} too: every skill the job asks for needs a rating.`);
  const ratingOf = new Map(given.map((r) => [r.skillId, r.rating]));
  return asked.map((s) => ({ skillId: s.skillId, skill: s.name, rating: ratingOf.get(s.skillId)! }));
}

/** Writes the caller's card, or edits it if they sent one already; the row names its author. */
export async function submitScorecard(db: Queryable, userId: number, input: ScorecardInput, now: Date) {
  const application = await requireAssignedApplication(db, userId, input.applicationId);
  const ratings = checkRatings(await skillsToRate(db, application.jobId), input.ratings);
  const fields = { ratings, recommendation: input.recommendation, notes: input.notes };
  await db
    .insert(scorecards)
    .values({ applicationId: input.applicationId, interviewerId: userId, ...fields, createdAt: now })
    .onConflictDoUpdate({
      target: [scorecards.applicationId, scorecards.interviewerId],
      set: { ...fields, updatedAt: now },
    });
  const cards = await cardsOf(db, input.applicationId);
  return cards.find((c) => c.author.userId === userId)!;
}

async function cardsOf(db: Queryable, applicationId: number) {
  const rows = await db
    .select({
      id: scorecards.id,
      authorId: scorecards.interviewerId,
      email: users.email,
      role: companyMembers.role,
      ratings: scorecards.ratings,
      recommendation: scorecards.recommendation,
      notes: scorecards.notes,
      createdAt: scorecards.createdAt,
      updatedAt: scorecards.updatedAt,
    })
    .from(scorecards)
    .innerJoin(users, eq(users.id, scorecards.interviewerId))
    .leftJoin(companyMembers, eq(companyMembers.userId, scorecards.interviewerId))
    .where(eq(scorecards.applicationId, applicationId))
    .orderBy(asc(scorecards.createdAt), asc(scorecards.id));
  return rows.map((r) => ({
    id: r.id,
    // A member who left keeps their name on their cards; an erased one is "a former member" (null).
    author: {
      userId: r.authorId,
      email: r.email.endsWith(ERASED_DOMAIN) ? null : r.email,
      role: (r.role ?? null) as CompanyRole | null,
    },
    ratings: r.ratings,
    recommendation: r.recommendation as Recommendation,
    notes: r.notes,
    submittedAt: r.createdAt.toISOString(),
    editedAt: r.updatedAt?.toISOString() ?? null,
  }));
}

/**
 * What the application's scorecard panel shows the caller: the skills to rate, whether they may
 * leave a card (assigned), their own card, and the others' that their role lets them read.
 */
export async function scorecardsForApplication(db: Queryable, userId: number, applicationId: number) {
  const application = await requireApplicationAccess(db, userId, applicationId, 'view-assigned');
  const isInterviewer = application.membership.role === 'interviewer';
  const canSubmit = isInterviewer || (await isAssignedInterviewer(db, userId, applicationId));
  const cards = await cardsOf(db, applicationId);
  const mine = cards.find((c) => c.author.userId === userId) ?? null;
  const others = cards.filter((c) => c !== mine);
  const seesOthers = !isInterviewer || mine !== null;
  return {
    skills: await skillsToRate(db, application.jobId),
    canSubmit,
    mine,
    others: seesOthers ? others : [],
    othersHidden: seesOthers ? 0 : others.length,
  };
}

/**
 * The applications the caller is assigned to interview (in their company), newest interview
 * first, each with the candidate's name (null once erased) and whether the caller's card is in.
 */
export async function myAssignments(db: Queryable, userId: number) {
  const { companyId } = await requireCompanyAccess(db, userId, 'view-assigned');
  const rows = await db
    .select({
      applicationId: applications.id,
      jobId: jobs.id,
      jobTitle: jobs.title,
      firstName: jobSeekers.firstName,
      lastName: jobSeekers.lastName,
      interviewAt: max(interviews.startsAt),
      cardId: max(scorecards.id),
    })
    .from(interviewInterviewers)
    .innerJoin(interviews, eq(interviews.id, interviewInterviewers.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .leftJoin(jobSeekers, eq(jobSeekers.id, applications.jobSeekerId))
    .leftJoin(scorecards, and(eq(scorecards.applicationId, applications.id), eq(scorecards.interviewerId, userId)))
    .where(and(eq(interviewInterviewers.userId, userId), eq(jobs.employerId, companyId)))
    .groupBy(applications.id, jobs.id, jobs.title, jobSeekers.firstName, jobSeekers.lastName)
    .orderBy(desc(max(interviews.startsAt)), desc(applications.id));
  return rows.map((r) => ({
    applicationId: r.applicationId,
    job: { id: r.jobId, title: r.jobTitle },
    candidate: r.firstName === null ? null : `${r.firstName} ${r.lastName}`,
    interviewAt: r.interviewAt?.toISOString() ?? null,
    submitted: r.cardId !== null,
  }));
}
