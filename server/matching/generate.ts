/**
 * Match generation: candidates from pgvector (HNSW over the embeddings, visible jobs only),
 * scored by scoring.ts, explained by reasoning.ts, upserted one row per seeker and job.
 * Idempotent: running it twice, or twice at once, ends in the same rows.
 */
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { aiDecisions, jobSeekers, jobSeekerSkills, jobSkills, matches, skills } from '../../db/schema.ts';
import { ensureDecisionPartition } from '../audit/decision-log.ts';
import type { AiProviders } from '../ai/types.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { loadLexicon } from '../skills/catalog.ts';
import { customSkillMatchId } from '../skills/custom.ts';
import { isForeignKeyViolation } from '../db-errors.ts';
import { rowsOf } from '../sql-helpers.ts';
import { templateReasoning, writtenReasoning, type MatchFacts } from './reasoning.ts';
import { algorithmNamed, DEFAULT_ALGORITHM, fixedAlgorithm, textFacts, type AlgorithmChooser } from './algorithms.ts';
import { locationFit, semanticScore, skillMatch, type JobSkillFact, type SeekerSkillFact } from './scoring.ts';
import { fullTextQueryOf } from './text-signals.ts';

const JOBS_PER_SEEKER = 50;
const SEEKERS_PER_JOB = 200;
/** How many of the best matches of one run get a model-written explanation (cost and latency). */
const EXPLAINED_PER_RUN = 10;

interface Pair {
  seekerId: number;
  jobId: number;
  jobTitle: string;
  jobLocation: string | null;
  remoteAllowed: boolean;
  experienceYears: number | null;
  seekerLocation: string | null;
  descriptionSimilarity: number;
  requirementsSimilarity: number | null;
  resumeText: string | null;
  resumeData: unknown;
  jobDescription: string;
  jobRequirements: unknown;
}

/** A catalog skill compares by its id, a custom one (the owner's own name) by its folded name. */
const matchId = (skillId: number | null, customKey: string | null) => skillId ?? customSkillMatchId(customKey ?? '');

/** The texts the text signals read, beside the pair's other columns (jobs and seeker `s` in scope). */
const pairTexts = sql`s.resume_text as "resumeText", s.resume_data as "resumeData", jobs.description as "jobDescription", jobs.requirements as "jobRequirements"`;

export async function jobSkillFacts(db: Queryable, jobIds: number[]) {
  const rows = jobIds.length
    ? await db
        .select({
          jobId: jobSkills.jobId,
          skillId: jobSkills.skillId,
          customKey: jobSkills.customNormalizedName,
          name: sql<string>`coalesce(${skills.name}, ${jobSkills.customName})`,
          required: jobSkills.required,
          priority: jobSkills.priority,
          inferred: jobSkills.inferred,
        })
        .from(jobSkills)
        .leftJoin(skills, eq(skills.id, jobSkills.skillId))
        .where(inArray(jobSkills.jobId, jobIds))
    : [];
  const byJob = new Map<number, JobSkillFact[]>();
  for (const { jobId, skillId, customKey, ...fact } of rows)
    byJob.set(jobId, [...(byJob.get(jobId) ?? []), { skillId: matchId(skillId, customKey), ...fact }]);
  return byJob;
}

export async function seekerSkillFacts(db: Queryable, seekerIds: number[]) {
  const rows = seekerIds.length
    ? await db
        .select({
          seekerId: jobSeekerSkills.jobSeekerId,
          skillId: jobSeekerSkills.skillId,
          customKey: jobSeekerSkills.customNormalizedName,
          proficiencyLevel: jobSeekerSkills.proficiencyLevel,
          yearsExperience: jobSeekerSkills.yearsExperience,
        })
        .from(jobSeekerSkills)
        .where(inArray(jobSeekerSkills.jobSeekerId, seekerIds))
    : [];
  const bySeeker = new Map<number, SeekerSkillFact[]>();
  for (const { seekerId, skillId, customKey, ...fact } of rows)
    bySeeker.set(seekerId, [...(bySeeker.get(seekerId) ?? []), { skillId: matchId(skillId, customKey), ...fact }]);
  return bySeeker;
}

/** The models behind each seeker's resume, for the decision log. */
async function seekerModels(db: Queryable, seekerIds: number[]) {
  const rows = seekerIds.length
    ? await db
        .select({
          id: jobSeekers.id,
          embeddingModel: jobSeekers.resumeEmbeddingModel,
          parserModel: jobSeekers.resumeParserModel,
        })
        .from(jobSeekers)
        .where(inArray(jobSeekers.id, seekerIds))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

async function scoreAndStore(db: Database, ai: AiProviders, pairs: Pair[], now: Date, choose: AlgorithmChooser) {
  const seekerIds = [...new Set(pairs.map((p) => p.seekerId))];
  const jobFacts = await jobSkillFacts(db, [...new Set(pairs.map((p) => p.jobId))]);
  const seekerFacts = await seekerSkillFacts(db, seekerIds);
  const models = await seekerModels(db, seekerIds);
  const assign = await choose(db);
  const scored = pairs.map((pair) => {
    const jobSkillRows = jobFacts.get(pair.jobId) ?? [];
    const skillsFit = skillMatch(jobSkillRows, seekerFacts.get(pair.seekerId) ?? [], pair.experienceYears);
    const semantic = semanticScore(pair.descriptionSimilarity, pair.requirementsSimilarity);
    const location = locationFit(
      { location: pair.jobLocation, remoteAllowed: pair.remoteAllowed },
      pair.seekerLocation,
    );
    const text = textFacts(
      { text: pair.resumeText, data: pair.resumeData },
      { title: pair.jobTitle, description: pair.jobDescription, requirements: pair.jobRequirements },
      jobSkillRows,
    );
    const assignment = assign(pair.seekerId);
    const facts: MatchFacts = {
      jobTitle: pair.jobTitle,
      semanticScore: Math.round(semantic * 10_000) / 10_000,
      skillMatchScore: skillsFit.score === null ? null : Math.round(skillsFit.score * 10_000) / 10_000,
      overallScore: algorithmNamed(assignment.algorithm).score({
        semantic,
        skills: skillsFit.score,
        location,
        missing: skillsFit.missing,
        ...text,
      }),
      matched: skillsFit.matched,
      missing: skillsFit.missing,
      remote: pair.remoteAllowed,
      sameCity: location === 1 && !pair.remoteAllowed,
      ...(algorithmNamed(assignment.algorithm).readsTexts ? { textSignals: text } : {}),
    };
    return { pair, facts, assignment };
  });
  scored.sort((a, b) => b.facts.overallScore - a.facts.overallScore);
  const writer = ai.writer;
  const lexicon = writer ? await loadLexicon(db) : null;
  const values: (typeof matches.$inferInsert)[] = [];
  const decisions: (typeof aiDecisions.$inferInsert)[] = [];
  for (const [index, { pair, facts, assignment }] of scored.entries()) {
    let reasoning = templateReasoning(facts);
    let reasoningModel = 'template';
    if (writer && lexicon && index < EXPLAINED_PER_RUN) {
      try {
        reasoning = await writtenReasoning(writer, facts, lexicon);
        reasoningModel = writer.model;
      } catch {
        // The template already says it plainly.
      }
    }
    const seekerModel = models.get(pair.seekerId);
    decisions.push({
      createdAt: now,
      jobSeekerId: pair.seekerId,
      jobId: pair.jobId,
      overallScore: facts.overallScore,
      algorithmVersion: assignment.algorithm,
      experimentName: assignment.experimentName,
      embeddingModel: seekerModel?.embeddingModel ?? null,
      parserModel: seekerModel?.parserModel ?? null,
      reasoningModel,
    });
    values.push({
      jobSeekerId: pair.seekerId,
      jobId: pair.jobId,
      semanticScore: facts.semanticScore,
      skillMatchScore: facts.skillMatchScore,
      overallScore: facts.overallScore,
      matchReasoning: reasoning,
      matchedSkills: facts.matched,
      missingSkills: facts.missing,
      generatedAt: now,
      algorithmVersion: assignment.algorithm,
      experimentName: assignment.experimentName,
    });
  }
  if (values.length === 0) return 0;
  await ensureDecisionPartition(db, now);
  // A score is never stored without its entry in the decision log.
  try {
    await storeScores(db, values, decisions);
  } catch (error) {
    // The seeker erased their account, or the job was deleted, while these were scored (matching
    // runs after the response): there is nothing left to match.
    if (isForeignKeyViolation(error)) return 0;
    throw error;
  }
  return values.length;
}

async function storeScores(
  db: Database,
  values: (typeof matches.$inferInsert)[],
  decisions: (typeof aiDecisions.$inferInsert)[],
) {
  await db.transaction(async (tx) => {
    await tx
      .insert(matches)
      .values(values)
      .onConflictDoUpdate({
        target: [matches.jobSeekerId, matches.jobId],
        // Scores and reasons are replaced; what the seeker did (viewed, applied, dismissed) stays.
        set: {
          semanticScore: sql`excluded.semantic_score`,
          skillMatchScore: sql`excluded.skill_match_score`,
          overallScore: sql`excluded.overall_score`,
          matchReasoning: sql`excluded.match_reasoning`,
          matchedSkills: sql`excluded.matched_skills`,
          missingSkills: sql`excluded.missing_skills`,
          generatedAt: sql`excluded.generated_at`,
          algorithmVersion: sql`excluded.algorithm_version`,
          experimentName: sql`excluded.experiment_name`,
        },
      });
    await tx.insert(aiDecisions).values(decisions);
  });
}

/** Drops matches that fell out of the candidates, unless the seeker acted on them (applied, dismissed, asked for a review). */
async function pruneStale(db: Queryable, where: { seekerId?: number; jobId?: number }, keep: number[]) {
  const owner =
    where.seekerId !== undefined ? eq(matches.jobSeekerId, where.seekerId) : eq(matches.jobId, where.jobId!);
  const kept = where.seekerId !== undefined ? matches.jobId : matches.jobSeekerId;
  const noReview = sql`not exists (select 1 from match_reviews r where r.job_seeker_id = ${matches.jobSeekerId} and r.job_id = ${matches.jobId})`;
  await db
    .delete(matches)
    .where(
      and(
        owner,
        eq(matches.applied, false),
        isNull(matches.dismissedAt),
        noReview,
        ...(keep.length ? [notInArray(kept, keep)] : []),
      ),
    );
}

/**
 * The best visible jobs for one seeker: the nearest by their resume embedding (HNSW), and the
 * best by full-text rank of the resume's most distinctive words (GIN), so a job that shares
 * the resume's vocabulary is scored even when the embedding puts it farther away.
 */
export async function generateMatchesForSeeker(
  db: Database,
  ai: AiProviders,
  seekerId: number,
  now: Date,
  choose: AlgorithmChooser = fixedAlgorithm(DEFAULT_ALGORITHM),
): Promise<number> {
  const [resume] = await db.select({ text: jobSeekers.resumeText }).from(jobSeekers).where(eq(jobSeekers.id, seekerId));
  const words = fullTextQueryOf(resume?.text ?? '');
  const pairs = await db.transaction(async (tx) => {
    await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
    await tx.execute(sql`set local hnsw.ef_search = 100`);
    return rowsOf<Pair>(
      await tx.execute(sql`
        with seeker as (select id, location, resume_embedding as v from job_seekers where id = ${seekerId} and resume_embedding is not null),
        nearest as (
          select jobs.id from jobs
          where exists (select 1 from seeker) and ${visibleToSeekers(now)} and jobs.description_embedding is not null
          order by jobs.description_embedding <=> (select v from seeker)
          limit ${JOBS_PER_SEEKER}),
        worded as (
          ${
            words
              ? sql`select jobs.id from jobs
                  where exists (select 1 from seeker) and ${visibleToSeekers(now)} and jobs.description_embedding is not null and jobs.search @@ to_tsquery('english', ${words})
                  order by ts_rank_cd(jobs.search, to_tsquery('english', ${words})) desc, jobs.id
                  limit ${JOBS_PER_SEEKER}`
              : sql`select null::int as id where false`
          })
        select (select id from seeker) as "seekerId", jobs.id as "jobId", jobs.title as "jobTitle", jobs.location as "jobLocation",
               jobs.remote_allowed as "remoteAllowed", (jobs.requirements->>'experienceYears')::int as "experienceYears",
               (select location from seeker) as "seekerLocation",
               1 - (jobs.description_embedding <=> (select v from seeker)) as "descriptionSimilarity",
               1 - (jobs.requirements_embedding <=> (select v from seeker)) as "requirementsSimilarity",
               ${pairTexts}
        from jobs join job_seekers s on s.id = ${seekerId}
        where jobs.id in (select id from nearest union select id from worded)`),
    );
  });
  await pruneStale(
    db,
    { seekerId },
    pairs.map((p) => p.jobId),
  );
  return scoreAndStore(db, ai, pairs, now, choose);
}

/** The best seekers for one visible job, by its description embedding. */
export async function generateMatchesForJob(
  db: Database,
  ai: AiProviders,
  jobId: number,
  now: Date,
  choose: AlgorithmChooser = fixedAlgorithm(DEFAULT_ALGORITHM),
): Promise<number> {
  const pairs = await db.transaction(async (tx) => {
    await tx.execute(sql`set local hnsw.ef_search = 100`);
    return rowsOf<Pair>(
      await tx.execute(sql`
        with job as (select * from jobs where id = ${jobId} and description_embedding is not null and ${visibleToSeekers(now)})
        select s.id as "seekerId", (select id from job) as "jobId", (select title from job) as "jobTitle", (select location from job) as "jobLocation",
               (select remote_allowed from job) as "remoteAllowed", (select (requirements->>'experienceYears')::int from job) as "experienceYears",
               s.location as "seekerLocation",
               1 - (s.resume_embedding <=> (select description_embedding from job)) as "descriptionSimilarity",
               1 - (s.resume_embedding <=> (select requirements_embedding from job)) as "requirementsSimilarity",
               ${pairTexts}
        from job_seekers s cross join (select * from job) jobs
        where s.resume_embedding is not null
        order by s.resume_embedding <=> (select description_embedding from job)
        limit ${SEEKERS_PER_JOB}`),
    );
  });
  await pruneStale(
    db,
    { jobId },
    pairs.map((p) => p.seekerId),
  );
  return scoreAndStore(db, ai, pairs, now, choose);
}
