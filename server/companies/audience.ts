/**
 * Who of a company hears about an event: its owners and recruiters (each with their own
 * preferences), and its interviewers only about the applications they are assigned to.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { companyMembers, interviewInterviewers, interviews } from '../../db/schema.ts';

export async function companyAudience(
  db: Queryable,
  companyId: number,
  about: { applicationId?: number } = {},
): Promise<number[]> {
  const managers = inArray(companyMembers.role, ['owner', 'recruiter']);
  const assigned =
    about.applicationId === undefined
      ? undefined
      : sql`${companyMembers.userId} in (${db
          .select({ userId: interviewInterviewers.userId })
          .from(interviewInterviewers)
          .innerJoin(interviews, eq(interviews.id, interviewInterviewers.interviewId))
          .where(eq(interviews.applicationId, about.applicationId))})`;
  const rows = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), assigned ? or(managers, assigned) : managers))
    .orderBy(asc(companyMembers.userId));
  return rows.map((r) => r.userId);
}
