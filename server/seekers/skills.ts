import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { jobSeekerSkills, PROFICIENCY_LEVELS, skills, type SkillOrigin } from '../../db/schema.ts';
import { rejectedKeys, resolveOrKeepCustom, type ResolvedSkillName } from '../skills/custom.ts';

export const seekerSkillInput = z.object({
  name: z.string().trim().min(1, 'Enter a skill name.').max(100, 'A skill name can be at most 100 characters.'),
  proficiencyLevel: z
    .enum(PROFICIENCY_LEVELS, { error: 'Choose beginner, intermediate or expert.' })
    .nullable()
    .default(null),
  yearsExperience: z
    .number()
    .int('Years must be a whole number.')
    .min(0, 'Years cannot be negative.')
    .max(60, 'Years can be at most 60.')
    .nullable()
    .default(null),
  /** The seeker vouches for a skill read from their resume as it stands (an edit vouches too). */
  confirm: z.boolean().default(false),
});
export const setSkillsInput = z.object({ skills: z.array(seekerSkillInput).max(100, 'List at most 100 skills.') });
export type SeekerSkillInput = z.infer<typeof seekerSkillInput>;

export async function listSeekerSkills(db: Queryable, seekerId: number) {
  const rows = await db
    .select({
      skillId: jobSeekerSkills.skillId,
      name: sql<string>`coalesce(${skills.name}, ${jobSeekerSkills.customName})`,
      category: skills.category,
      custom: sql<boolean>`${jobSeekerSkills.customName} is not null`,
      customKey: jobSeekerSkills.customNormalizedName,
      proficiencyLevel: jobSeekerSkills.proficiencyLevel,
      yearsExperience: jobSeekerSkills.yearsExperience,
      source: sql<SkillOrigin>`${jobSeekerSkills.source}`,
      evidence: jobSeekerSkills.evidence,
    })
    .from(jobSeekerSkills)
    .leftJoin(skills, eq(skills.id, jobSeekerSkills.skillId))
    .where(eq(jobSeekerSkills.jobSeekerId, seekerId))
    .orderBy(sql`lower(coalesce(${skills.name}, ${jobSeekerSkills.customName}))`);
  const rejected = await rejectedKeys(
    db,
    rows.flatMap((r) => (r.customKey ? [r.customKey] : [])),
  );
  // A custom skill is the seeker's own; until an admin decides, it waits in the review queue.
  return rows.map(({ customKey, ...row }) => ({ ...row, inReview: customKey !== null && !rejected.has(customKey) }));
}

type RowKey = `skill:${number}` | `custom:${string}`;
const rowKey = (row: { skillId: number | null; customNormalizedName: string | null }): RowKey =>
  row.skillId !== null ? `skill:${row.skillId}` : `custom:${row.customNormalizedName ?? ''}`;

/**
 * The origin a saved row keeps: a skill the seeker adds is 'typed'; one read from the resume
 * stays 'resume' while the seeker leaves it as it was, and becomes 'confirmed' once they edit
 * or confirm it; typed and confirmed stay so.
 */
export function originAfterSave(
  previous: { source: string; proficiencyLevel: string | null; yearsExperience: number | null } | undefined,
  next: SeekerSkillInput,
): SkillOrigin {
  if (!previous) return 'typed';
  if (previous.source !== 'resume') return previous.source === 'confirmed' ? 'confirmed' : 'typed';
  const edited =
    previous.proficiencyLevel !== next.proficiencyLevel || previous.yearsExperience !== next.yearsExperience;
  return next.confirm || edited ? 'confirmed' : 'resume';
}

/**
 * Replaces the seeker's skills with `input`, in one transaction. Names the catalog lacks stay the
 * seeker's own (custom rows, sent to the admins' review queue). Each row keeps its origin
 * (originAfterSave) and its evidence from the resume.
 */
export async function setSeekerSkills(db: Database, seekerId: number, input: SeekerSkillInput[]) {
  const resolved = await resolveOrKeepCustom(
    db,
    input.map((s) => s.name),
  );
  // "JS" and "JavaScript" are one skill: keep the entry that claims more experience.
  const byKey = new Map<RowKey, { ref: ResolvedSkillName; input: SeekerSkillInput }>();
  for (const skill of input) {
    const ref = resolved.get(skill.name)!;
    const key =
      ref.kind === 'catalog'
        ? rowKey({ skillId: ref.skill.id, customNormalizedName: null })
        : rowKey({ skillId: null, customNormalizedName: ref.key });
    const previous = byKey.get(key);
    if (!previous || (skill.yearsExperience ?? -1) > (previous.input.yearsExperience ?? -1))
      byKey.set(key, { ref, input: skill });
  }
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({
        skillId: jobSeekerSkills.skillId,
        customNormalizedName: jobSeekerSkills.customNormalizedName,
        source: jobSeekerSkills.source,
        proficiencyLevel: jobSeekerSkills.proficiencyLevel,
        yearsExperience: jobSeekerSkills.yearsExperience,
        evidence: jobSeekerSkills.evidence,
      })
      .from(jobSeekerSkills)
      .where(eq(jobSeekerSkills.jobSeekerId, seekerId));
    const before = new Map(existing.map((e) => [rowKey(e), e]));
    await tx.delete(jobSeekerSkills).where(eq(jobSeekerSkills.jobSeekerId, seekerId));
    if (byKey.size === 0) return;
    await tx.insert(jobSeekerSkills).values(
      [...byKey].map(([key, { ref, input: s }]) => ({
        jobSeekerId: seekerId,
        skillId: ref.kind === 'catalog' ? ref.skill.id : null,
        customName: ref.kind === 'custom' ? ref.name : null,
        customNormalizedName: ref.kind === 'custom' ? ref.key : null,
        proficiencyLevel: s.proficiencyLevel,
        yearsExperience: s.yearsExperience,
        source: originAfterSave(before.get(key), s),
        evidence: before.get(key)?.evidence ?? null,
      })),
    );
  });
  return listSeekerSkills(db, seekerId);
}

/**
 * Skills found in a resume replace the ones read from the previous resume; what the seeker typed
 * or confirmed stays, and wins over a skill read again.
 */
export async function replaceResumeSkills(
  db: Queryable,
  seekerId: number,
  found: { skillId: number; evidence: string }[],
) {
  await db
    .delete(jobSeekerSkills)
    .where(and(eq(jobSeekerSkills.jobSeekerId, seekerId), eq(jobSeekerSkills.source, 'resume')));
  if (found.length === 0) return;
  await db
    .insert(jobSeekerSkills)
    .values(
      found.map((f) => ({
        jobSeekerId: seekerId,
        skillId: f.skillId,
        source: 'resume' as const,
        evidence: f.evidence,
      })),
    )
    .onConflictDoNothing();
}
