import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { matches } from '../../db/schema.ts';
import type { SkillFit } from './scoring.ts';

/** The seeker's own score and reasons for one job, or null when there is no match (or they dismissed it). */
export async function myMatchForJob(db: Queryable, seekerId: number, jobId: number) {
  const [row] = await db
    .select({
      overallScore: matches.overallScore,
      skillMatchScore: matches.skillMatchScore,
      semanticScore: matches.semanticScore,
      reasoning: matches.matchReasoning,
      matchedSkills: matches.matchedSkills,
      missingSkills: matches.missingSkills,
      dismissedAt: matches.dismissedAt,
    })
    .from(matches)
    .where(and(eq(matches.jobSeekerId, seekerId), eq(matches.jobId, jobId)));
  if (!row || row.dismissedAt) return null;
  const { dismissedAt: _dismissed, ...match } = row;
  return {
    ...match,
    matchedSkills: (match.matchedSkills as SkillFit[] | null) ?? [],
    missingSkills: (match.missingSkills as SkillFit[] | null) ?? [],
  };
}
