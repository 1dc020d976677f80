/**
 * The one place that decides what a company member may do. A job or application of another
 * company answers NOT_FOUND (its existence is not revealed); a member whose role does not
 * allow the action answers FORBIDDEN.
 *
 * - `members`: the owner (the team, the company's profile);
 * - `manage`: owners and recruiters (jobs, applicants, boards, scheduling);
 * - `view-assigned`: any member; an interviewer only reaches applications they are assigned to.
 */
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  applications,
  type CompanyRole,
  companyMembers,
  interviewInterviewers,
  interviews,
  jobs,
} from '../../db/schema.ts';

export type CompanyAccess = 'members' | 'manage' | 'view-assigned';
export interface Membership {
  companyId: number;
  role: CompanyRole;
}

const ALLOWED: Record<CompanyAccess, readonly CompanyRole[]> = {
  members: ['owner'],
  manage: ['owner', 'recruiter'],
  'view-assigned': ['owner', 'recruiter', 'interviewer'],
};

const ROLE_REFUSAL: Record<CompanyAccess, string> = {
  members: "Only the company's owners can do this.",
  manage: "Only the company's owners and recruiters can do this.",
  'view-assigned': 'Only members of the company can do this.',
};

export async function membershipOf(db: Queryable, userId: number): Promise<Membership | null> {
  const [row] = await db
    .select({ companyId: companyMembers.companyId, role: companyMembers.role })
    .from(companyMembers)
    .where(eq(companyMembers.userId, userId));
  return row ?? null;
}

/** The caller's company, if their role allows `need`. */
export async function requireCompanyAccess(db: Queryable, userId: number, need: CompanyAccess): Promise<Membership> {
  const membership = await membershipOf(db, userId);
  if (!membership) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of a company.' });
  if (!ALLOWED[need].includes(membership.role)) throw new TRPCError({ code: 'FORBIDDEN', message: ROLE_REFUSAL[need] });
  return membership;
}

/** The job, if it belongs to the caller's company and their role allows `need`. */
export async function requireJobAccess(db: Queryable, userId: number, jobId: number, need: 'manage') {
  const membership = await membershipOf(db, userId);
  const [job] = membership
    ? await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, jobId), eq(jobs.employerId, membership.companyId)))
    : [];
  if (!membership || !job) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job was not found.' });
  if (!ALLOWED[need].includes(membership.role)) throw new TRPCError({ code: 'FORBIDDEN', message: ROLE_REFUSAL[need] });
  return job;
}

/**
 * The application, if its job belongs to the caller's company and their role allows `need`; an
 * interviewer reaches only the applications of interviews they are assigned to, and hears
 * NOT_FOUND for the others (they do not learn who else applied).
 */
export async function requireApplicationAccess(
  db: Queryable,
  userId: number,
  applicationId: number,
  need: 'manage' | 'view-assigned',
) {
  const membership = await membershipOf(db, userId);
  const [row] = membership
    ? await db
        .select({
          id: applications.id,
          status: applications.status,
          jobId: jobs.id,
          jobSeekerId: applications.jobSeekerId,
        })
        .from(applications)
        .innerJoin(jobs, eq(jobs.id, applications.jobId))
        .where(and(eq(applications.id, applicationId), eq(jobs.employerId, membership.companyId)))
    : [];
  const notFound = new TRPCError({ code: 'NOT_FOUND', message: 'This application was not found.' });
  if (!membership || !row) throw notFound;
  if (membership.role === 'interviewer' && need === 'view-assigned') {
    if (!(await isAssignedInterviewer(db, userId, applicationId))) throw notFound;
  } else if (!ALLOWED[need].includes(membership.role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: ROLE_REFUSAL[need] });
  }
  return { ...row, membership };
}

export async function isAssignedInterviewer(db: Queryable, userId: number, applicationId: number): Promise<boolean> {
  const [assigned] = await db
    .select({ interviewId: interviews.id })
    .from(interviewInterviewers)
    .innerJoin(interviews, eq(interviews.id, interviewInterviewers.interviewId))
    .where(and(eq(interviews.applicationId, applicationId), eq(interviewInterviewers.userId, userId)))
    .limit(1);
  return assigned !== undefined;
}

/**
 * The application, if the caller (of any role) is assigned to one of its interviews: only those
 * who interviewed the candidate leave feedback. Unassigned owners and recruiters see the
 * application, so they hear FORBIDDEN; an unassigned interviewer hears NOT_FOUND, as above.
 */
export async function requireAssignedApplication(db: Queryable, userId: number, applicationId: number) {
  const application = await requireApplicationAccess(db, userId, applicationId, 'view-assigned');
  if (application.membership.role !== 'interviewer' && !(await isAssignedInterviewer(db, userId, applicationId)))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only the interviewers assigned to this application can leave a scorecard.',
    });
  return application;
}
