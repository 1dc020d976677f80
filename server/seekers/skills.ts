import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { jobSeekerSkills, PROFICIENCY_LEVELS, skills } from '../../db/schema.ts';
import { resolveSkillNames } from '../skills/catalog.ts';

export const seekerSkillInput = z.object({
  name: z.string().trim().min(1, 'Enter a skill name.').max(100, 'A skill name can be at most 100 characters.'),
  proficiencyLevel: z.enum(PROFICIENCY_LEVELS, { error: 'Choose beginner, intermediate or expert.' }).nullable().default(null),
  yearsExperience: z.number().int('Years must be a whole number.').min(0, 'Years cannot be negative.').max(60, 'Years can be at most 60.').nullable().default(null),
});
export const setSkillsInput = z.object({ skills: z.array(seekerSkillInput).max(100, 'List at most 100 skills.') });
export type SeekerSkillInput = z.infer<typeof seekerSkillInput>;

export async function listSeekerSkills(db: Queryable, seekerId: number) {
  return db
    .select({
      skillId: skills.id,
      name: skills.name,
      category: skills.category,
      proficiencyLevel: jobSeekerSkills.proficiencyLevel,
      yearsExperience: jobSeekerSkills.yearsExperience,
      source: jobSeekerSkills.source,
      evidence: jobSeekerSkills.evidence,
    })
    .from(jobSeekerSkills)
    .innerJoin(skills, eq(skills.id, jobSeekerSkills.skillId))
    .where(eq(jobSeekerSkills.jobSeekerId, seekerId))
    .orderBy(skills.name);
}

/**
 * Replaces the seeker's skills with `input`, in one transaction. Every listed skill is the
 * seeker's own word from now on (source 'manual'); evidence from a resume stays with it.
 */
export async function setSeekerSkills(db: Database, seekerId: number, input: SeekerSkillInput[]) {
  const resolved = await resolveSkillNames(db, input.map((s) => s.name));
  const unknown = input.filter((s) => !resolved.has(s.name)).map((s) => s.name.trim());
  if (unknown.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Not in the skills catalog yet: ${unknown.join(', ')}. Pick a suggestion, or add it as a new skill first.`,
    });
  }
  // "JS" and "JavaScript" are one skill: keep the entry that claims more experience.
  const bySkill = new Map<number, SeekerSkillInput>();
  for (const skill of input) {
    const id = resolved.get(skill.name)!.id;
    const previous = bySkill.get(id);
    if (!previous || (skill.yearsExperience ?? -1) > (previous.yearsExperience ?? -1)) bySkill.set(id, skill);
  }
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ skillId: jobSeekerSkills.skillId, evidence: jobSeekerSkills.evidence })
      .from(jobSeekerSkills)
      .where(eq(jobSeekerSkills.jobSeekerId, seekerId));
    const evidence = new Map(existing.map((e) => [e.skillId, e.evidence]));
    await tx.delete(jobSeekerSkills).where(eq(jobSeekerSkills.jobSeekerId, seekerId));
    if (bySkill.size > 0) {
      await tx.insert(jobSeekerSkills).values(
        [...bySkill].map(([skillId, s]) => ({
          jobSeekerId: seekerId,
          skillId,
          proficiencyLevel: s.proficiencyLevel,
          yearsExperience: s.yearsExperience,
          source: 'manual',
          evidence: evidence.get(skillId) ?? null,
        })),
      );
    }
  });
  return listSeekerSkills(db, seekerId);
}

/** Skills found in a resume: they replace the previous resume's, never what the seeker set by hand. */
export async function replaceResumeSkills(db: Queryable, seekerId: number, found: { skillId: number; evidence: string }[]) {
  await db.delete(jobSeekerSkills).where(and(eq(jobSeekerSkills.jobSeekerId, seekerId), eq(jobSeekerSkills.source, 'resume')));
  if (found.length === 0) return;
  await db
    .insert(jobSeekerSkills)
    .values(found.map((f) => ({ jobSeekerId: seekerId, skillId: f.skillId, source: 'resume', evidence: f.evidence })))
    .onConflictDoNothing();
}
