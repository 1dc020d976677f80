/**
 * Custom skills: a name a seeker or an employer uses that the catalog does not hold. It stays
 * on their own row (custom_name), is matched as text, is never suggested or inferred for anyone
 * else, and waits in the admins' review queue until it is approved into the catalog (as a new
 * skill or as an alias of one) or rejected (it then stays theirs and leaves the queue).
 */
import { TRPCError } from '@trpc/server';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rejectedSkillNames } from '../../db/schema.ts';
import { rowsOf } from '../sql-helpers.ts';
import { addAlias, addSkill, resolveSkillNames, type CatalogSkillRef } from './catalog.ts';
import { normalizeSkillName } from './normalize.ts';

/** A name as its owner wrote it, spacing tidied: "Alteryx  Designer " -> "Alteryx Designer". */
export function customDisplayName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function customSkillKey(name: string): string {
  const key = normalizeSkillName(name);
  if (!key)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `“${name.trim()}” is not a skill name: use at least one letter or digit.`,
    });
  return key;
}

export type ResolvedSkillName =
  | { kind: 'catalog'; skill: CatalogSkillRef }
  | { kind: 'custom'; name: string; key: string };

/** Each name as a catalog skill (by name or alias) or, failing that, as the owner's own. */
export async function resolveOrKeepCustom(
  db: Queryable,
  names: readonly string[],
): Promise<Map<string, ResolvedSkillName>> {
  const catalog = await resolveSkillNames(db, names);
  return new Map(
    names.map((name) => {
      const skill = catalog.get(name);
      const resolved: ResolvedSkillName = skill
        ? { kind: 'catalog', skill }
        : { kind: 'custom', name: customDisplayName(name), key: customSkillKey(name) };
      return [name, resolved];
    }),
  );
}

export interface PendingSkill {
  normalizedName: string;
  /** The spelling most of its users chose. */
  name: string;
  seekers: number;
  jobs: number;
}

/** The review queue: every custom name not yet rejected, most used first. */
export async function pendingSkills(db: Queryable): Promise<PendingSkill[]> {
  const result = await db.execute(sql`
    with uses as (
      select custom_normalized_name as key, custom_name as name, job_seeker_id as seeker, null::int as job from job_seeker_skills where custom_normalized_name is not null
      union all
      select custom_normalized_name, custom_name, null, job_id from job_skills where custom_normalized_name is not null
    ), spellings as (
      select key, name, row_number() over (partition by key order by count(*) desc, name) as rank from uses group by key, name
    )
    select u.key as "normalizedName", s.name, count(distinct u.seeker)::int as seekers, count(distinct u.job)::int as jobs
    from uses u join spellings s on s.key = u.key and s.rank = 1
    where not exists (select 1 from rejected_skill_names r where r.normalized_name = u.key)
    group by u.key, s.name
    order by count(*) desc, s.name
    limit 500`);
  return rowsOf<PendingSkill>(result);
}

async function assertPending(db: Queryable, key: string) {
  const result = await db.execute(sql`
    select exists (select 1 from job_seeker_skills where custom_normalized_name = ${key})
        or exists (select 1 from job_skills where custom_normalized_name = ${key}) as used`);
  if (!rowsOf<{ used: boolean }>(result)[0]?.used)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No one uses that skill name: there is nothing to review.' });
}

export interface ApproveInput {
  name: string;
  /** Map the name onto this catalog skill as an alias; else a new catalog skill is created. */
  aliasOf?: number | undefined;
  category?: string | null | undefined;
}

/**
 * Approves a pending name: it becomes a catalog skill (or an alias of `aliasOf`), and every
 * custom row with that name turns into a row of the catalog skill. An owner who already had the
 * catalog skill keeps that row and loses the duplicate.
 */
export async function approveSkill(
  db: Queryable,
  input: ApproveInput,
): Promise<CatalogSkillRef & { rowsConverted: number }> {
  const key = customSkillKey(input.name);
  await assertPending(db, key);
  const already = (await resolveSkillNames(db, [input.name])).get(input.name);
  let skill: CatalogSkillRef;
  if (input.aliasOf !== undefined) {
    if (already && already.id !== input.aliasOf)
      throw new TRPCError({
        code: 'CONFLICT',
        message: `“${input.name.trim()}” already names the skill ${already.name}.`,
      });
    if (!already) await addAlias(db, input.aliasOf, customDisplayName(input.name));
    skill = (await resolveSkillNames(db, [input.name])).get(input.name)!;
  } else {
    skill = already ?? (await addSkill(db, { name: customDisplayName(input.name), category: input.category ?? null }));
  }
  const rowsConverted = await convertCustomRows(db, key, skill.id);
  await db.delete(rejectedSkillNames).where(eq(rejectedSkillNames.normalizedName, key));
  return { ...skill, rowsConverted };
}

/** Every custom row named `name` becomes a row of the catalog skill (also when an admin adds the name directly). */
export async function adoptCustomRows(db: Queryable, names: readonly string[], skillId: number): Promise<number> {
  let converted = 0;
  for (const key of new Set(names.map(normalizeSkillName).filter(Boolean)))
    converted += await convertCustomRows(db, key, skillId);
  return converted;
}

async function convertCustomRows(db: Queryable, key: string, skillId: number): Promise<number> {
  await db.execute(sql`delete from job_seeker_skills c where c.custom_normalized_name = ${key}
    and exists (select 1 from job_seeker_skills k where k.job_seeker_id = c.job_seeker_id and k.skill_id = ${skillId})`);
  await db.execute(sql`delete from job_skills c where c.custom_normalized_name = ${key}
    and exists (select 1 from job_skills k where k.job_id = c.job_id and k.skill_id = ${skillId})`);
  const seekers = await db.execute(
    sql`update job_seeker_skills set skill_id = ${skillId}, custom_name = null, custom_normalized_name = null where custom_normalized_name = ${key} returning 1`,
  );
  const jobs = await db.execute(
    sql`update job_skills set skill_id = ${skillId}, custom_name = null, custom_normalized_name = null where custom_normalized_name = ${key} returning 1`,
  );
  return rowsOf(seekers).length + rowsOf(jobs).length;
}

/** Rejects a pending name: it leaves the queue; its owners keep it as their own. */
export async function rejectSkill(db: Queryable, name: string): Promise<{ rejected: true }> {
  const key = customSkillKey(name);
  await assertPending(db, key);
  await db.insert(rejectedSkillNames).values({ normalizedName: key }).onConflictDoNothing();
  return { rejected: true };
}

/** Whether each custom name still waits for review (false once rejected). */
export async function rejectedKeys(db: Queryable, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: rejectedSkillNames.normalizedName })
    .from(rejectedSkillNames)
    .where(inArray(rejectedSkillNames.normalizedName, [...keys]));
  return new Set(rows.map((r) => r.key));
}

/**
 * The number under which matching compares a custom skill: negative (catalog ids are positive)
 * and a function of the folded name alone (FNV-1a), so a seeker's custom "Alteryx" and a job's
 * custom "alteryx" meet, while the scoring keeps comparing numbers.
 */
export function customSkillMatchId(normalizedName: string): number {
  let hash = 0x811c9dc5;
  for (const char of normalizedName) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return -(hash % 0x7fffffff) - 1;
}
