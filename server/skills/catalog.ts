import { TRPCError } from '@trpc/server';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { skillAliases, skills } from '../../db/schema.ts';
import { buildLexicon, type SkillLexicon } from './lexicon.ts';
import { escapeLike, rowsOf } from '../sql-helpers.ts';
import { normalizeSkillName } from './normalize.ts';

export interface CatalogSkillRef {
  id: number;
  name: string;
}

/**
 * The catalog changes rarely and is read on every search and parse: kept for a minute per
 * process or isolate, and dropped at once when this process changes it.
 */
const LEXICON_TTL_MS = 60_000;
let cachedLexicon: { lexicon: SkillLexicon; at: number } | null = null;

export function forgetLexicon() {
  cachedLexicon = null;
}

/** The whole catalog as a lexicon (names and aliases), for the parsers and search. */
export async function loadLexicon(db: Queryable): Promise<SkillLexicon> {
  if (cachedLexicon && Date.now() - cachedLexicon.at < LEXICON_TTL_MS) return cachedLexicon.lexicon;
  const lexicon = await readLexicon(db);
  cachedLexicon = { lexicon, at: Date.now() };
  return lexicon;
}

async function readLexicon(db: Queryable): Promise<SkillLexicon> {
  const rows = await db
    .select({ id: skills.id, name: skills.name, alias: skillAliases.alias })
    .from(skills)
    .leftJoin(skillAliases, eq(skillAliases.skillId, skills.id));
  const byId = new Map<number, { name: string; aliases: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { name: row.name, aliases: [] };
    if (row.alias) entry.aliases.push(row.alias);
    byId.set(row.id, entry);
  }
  return buildLexicon([...byId.values()]);
}

/** Catalog skills for free-text names, by name or alias, case and spacing folded. */
export async function resolveSkillNames(
  db: Queryable,
  names: readonly string[],
): Promise<Map<string, CatalogSkillRef>> {
  const keys = [...new Set(names.map(normalizeSkillName).filter(Boolean))];
  const resolved = new Map<string, CatalogSkillRef>();
  if (keys.length === 0) return resolved;
  const byName = await db
    .select({ id: skills.id, name: skills.name, key: skills.normalizedName })
    .from(skills)
    .where(inArray(skills.normalizedName, keys));
  for (const row of byName) resolved.set(row.key, { id: row.id, name: row.name });
  const missing = keys.filter((k) => !resolved.has(k));
  if (missing.length > 0) {
    const byAlias = await db
      .select({ id: skills.id, name: skills.name, key: skillAliases.normalizedAlias })
      .from(skillAliases)
      .innerJoin(skills, eq(skills.id, skillAliases.skillId))
      .where(inArray(skillAliases.normalizedAlias, missing));
    for (const row of byAlias) resolved.set(row.key, { id: row.id, name: row.name });
  }
  return new Map(
    names.flatMap((name) => {
      const ref = resolved.get(normalizeSkillName(name));
      return ref ? [[name, ref] as const] : [];
    }),
  );
}

export interface SkillSuggestion {
  id: number;
  name: string;
  category: string | null;
  /** The alias that matched, when it was not the name: "k8s" for Kubernetes. */
  matchedAlias: string | null;
}

/**
 * Autocomplete: exact name, then exact alias, then name prefix, alias prefix, and a word of the
 * name starting with the query; shorter names first within a rank.
 */
export async function searchSkills(db: Queryable, query: string, limit = 10): Promise<SkillSuggestion[]> {
  const key = normalizeSkillName(query);
  if (!key) return [];
  const prefix = `${escapeLike(key)}%`;
  const wordPrefix = `% ${escapeLike(key)}%`;
  const result = await db.execute(sql`
    select id, name, category, matched_alias as "matchedAlias" from (
      select distinct on (id) id, name, category, matched_alias, rank from (
        select s.id, s.name, s.category, null::text as matched_alias,
               case when s.normalized_name = ${key} then 0 when s.normalized_name like ${prefix} then 2 else 4 end as rank
        from skills s where s.normalized_name like ${prefix} or s.normalized_name like ${wordPrefix}
        union all
        select s.id, s.name, s.category, a.alias, case when a.normalized_alias = ${key} then 1 else 3 end
        from skill_aliases a join skills s on s.id = a.skill_id where a.normalized_alias like ${prefix}
      ) candidates order by id, rank
    ) best order by rank, length(name), name limit ${limit}`);
  return rowsOf<SkillSuggestion>(result);
}

async function assertPhraseFree(db: Queryable, phrase: string): Promise<string> {
  const key = normalizeSkillName(phrase);
  if (!key) throw new TRPCError({ code: 'BAD_REQUEST', message: 'A skill name needs at least one letter or digit.' });
  const existing = await resolveSkillNames(db, [phrase]);
  const taken = existing.get(phrase);
  if (taken)
    throw new TRPCError({ code: 'CONFLICT', message: `“${phrase.trim()}” already names the skill ${taken.name}.` });
  return key;
}

export async function addSkill(
  db: Queryable,
  input: { name: string; category: string | null; description?: string | null; aliases?: string[] },
): Promise<CatalogSkillRef> {
  const normalizedName = await assertPhraseFree(db, input.name);
  const [skill] = await db
    .insert(skills)
    .values({
      name: input.name.trim(),
      normalizedName,
      category: input.category,
      description: input.description ?? null,
    })
    .returning({ id: skills.id, name: skills.name });
  for (const alias of input.aliases ?? []) await addAlias(db, skill!.id, alias);
  forgetLexicon();
  return skill!;
}

export async function addAlias(db: Queryable, skillId: number, alias: string): Promise<void> {
  const [skill] = await db.select({ id: skills.id }).from(skills).where(eq(skills.id, skillId));
  if (!skill) throw new TRPCError({ code: 'NOT_FOUND', message: 'That skill does not exist.' });
  const normalizedAlias = await assertPhraseFree(db, alias);
  await db.insert(skillAliases).values({ skillId, alias: alias.trim(), normalizedAlias });
  forgetLexicon();
}

/**
 * Folds `fromId` into `intoId`: every seeker's and job's link moves (where both existed, the
 * stronger facts are kept), the old name and aliases become aliases, the old skill goes.
 */
export async function mergeSkills(db: Queryable, fromId: number, intoId: number): Promise<CatalogSkillRef> {
  if (fromId === intoId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose two different skills to merge.' });
  const found = await db
    .select({ id: skills.id, name: skills.name, normalizedName: skills.normalizedName })
    .from(skills)
    .where(inArray(skills.id, [fromId, intoId]));
  const from = found.find((s) => s.id === fromId);
  const into = found.find((s) => s.id === intoId);
  if (!from || !into) throw new TRPCError({ code: 'NOT_FOUND', message: 'One of the two skills does not exist.' });

  await db.execute(sql`
    insert into job_seeker_skills (job_seeker_id, skill_id, proficiency_level, years_experience, source, evidence)
    select job_seeker_id, ${intoId}, proficiency_level, years_experience, source, evidence from job_seeker_skills where skill_id = ${fromId}
    on conflict (job_seeker_id, skill_id) do update set
      proficiency_level = coalesce(job_seeker_skills.proficiency_level, excluded.proficiency_level),
      years_experience = greatest(job_seeker_skills.years_experience, excluded.years_experience),
      -- The seeker's own word (typed, confirmed) wins over what a parser read.
      source = case when job_seeker_skills.source <> 'resume' then job_seeker_skills.source else excluded.source end`);
  await db.execute(sql`
    insert into job_skills (job_id, skill_id, required, priority, inferred)
    select job_id, ${intoId}, required, priority, inferred from job_skills where skill_id = ${fromId}
    on conflict (job_id, skill_id) do update set
      required = job_skills.required or excluded.required,
      priority = least(job_skills.priority, excluded.priority),
      inferred = job_skills.inferred and excluded.inferred`);
  await db.execute(sql`update skill_aliases set skill_id = ${intoId} where skill_id = ${fromId}`);
  await db.delete(skills).where(eq(skills.id, fromId));
  await db
    .insert(skillAliases)
    .values({ skillId: intoId, alias: from.name, normalizedAlias: from.normalizedName })
    .onConflictDoNothing();
  forgetLexicon();
  return { id: into.id, name: into.name };
}

/** The whole catalog for the admins' page: each skill with its aliases and how many seekers and jobs use it. */
export function listCatalog(db: Queryable) {
  return db
    .select({
      id: skills.id,
      name: skills.name,
      category: skills.category,
      aliases: sql<
        string[]
      >`coalesce(array_agg(${skillAliases.alias} order by ${skillAliases.alias}) filter (where ${skillAliases.alias} is not null), '{}')`,
      seekers: sql<number>`(select count(*)::int from job_seeker_skills where skill_id = ${skills.id})`,
      jobs: sql<number>`(select count(*)::int from job_skills where skill_id = ${skills.id})`,
    })
    .from(skills)
    .leftJoin(skillAliases, eq(skillAliases.skillId, skills.id))
    .groupBy(skills.id)
    .orderBy(desc(sql`${skills.category} is null`), skills.name);
}
