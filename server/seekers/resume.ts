import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { jobSeekers } from '../../db/schema.ts';
import { fitJsonResume } from '../ai/json-resume.ts';
import { LOCAL_PARSER_MODEL, createLocalResumeParser } from '../ai/local-resume-parser.ts';
import type { AiProviders, Embedder, ParsedResume, ResumeParser } from '../ai/types.ts';
import { errorSummary, type Logger } from '../logger.ts';
import { loadLexicon, resolveSkillNames } from '../skills/catalog.ts';
import type { SkillLexicon } from '../skills/lexicon.ts';
import { listSeekerSkills, replaceResumeSkills } from './skills.ts';

export const RESUME_MIN_CHARS = 30;
export const RESUME_MAX_CHARS = 60_000;
/** One sentence for a resume over the limit, wherever it is noticed (the router's input, saveResume). */
export const RESUME_TOO_LONG = `A resume can be at most ${RESUME_MAX_CHARS.toLocaleString('en-US')} characters.`;

export interface ResumeDeps {
  db: Database;
  ai: AiProviders;
  /** The fallback when the configured parser fails (in a thread pool under Node). */
  localParser?: ResumeParser;
  now: Date;
  logger?: Logger;
  /** Runs after the response: embedding must not hold the seeker's request. */
  background(task: () => Promise<unknown>): void;
  /** New matches for the new resume. */
  onResumeEmbedded?(seekerId: number): Promise<unknown>;
  /** For the retention notice in the answer (config RESUME_RETENTION_MONTHS). */
  retentionMonths: number;
}

async function parseWithFallback(
  ai: AiProviders,
  text: string,
  lexicon: SkillLexicon,
  logger?: Logger,
  localParser = createLocalResumeParser(),
): Promise<ParsedResume> {
  try {
    return await ai.resumeParser.parse(text, lexicon);
  } catch (error) {
    // A limit the work reached (its deadline, its memory) is the seeker's to hear, not a defect.
    if (error instanceof TRPCError) throw error;
    if (ai.resumeParser.model === LOCAL_PARSER_MODEL) return keptUnread(text, error, logger);
    // OpenAI down or refusing: the resume is still read, by the local parser, and says so.
    logger?.error('resume parser failed, used the local parser', { error: errorSummary(error) });
    try {
      const local = await localParser.parse(text, lexicon);
      return { ...local, model: `${LOCAL_PARSER_MODEL} (fallback)` };
    } catch (localError) {
      if (localError instanceof TRPCError) throw localError;
      return keptUnread(text, localError, logger);
    }
  }
}

/** A parser defect must not cost the seeker their upload: the text is kept, unparsed, and logged. */
function keptUnread(text: string, error: unknown, logger?: Logger): ParsedResume {
  logger?.error('resume parser failed, kept the text unparsed', { error: errorSummary(error), chars: text.length });
  return {
    resume: fitJsonResume({ basics: {}, work: [], education: [], certificates: [], skills: [], languages: [] }),
    skills: [],
    model: `${LOCAL_PARSER_MODEL} (unparsed)`,
  };
}

/**
 * Saves the three layers of a resume: the text and the parsed JSON Resume now, with the skills
 * found (beside the seeker's own, which win); the embedding after the response.
 */
export async function saveResume(deps: ResumeDeps, seekerId: number, rawText: string) {
  const text = rawText.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim();
  if (text.length < RESUME_MIN_CHARS)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This looks too short to be a resume. Paste the whole text.' });
  if (text.length > RESUME_MAX_CHARS) throw new TRPCError({ code: 'BAD_REQUEST', message: RESUME_TOO_LONG });

  const lexicon = await loadLexicon(deps.db);
  const parsed = await parseWithFallback(deps.ai, text, lexicon, deps.logger, deps.localParser);
  const refs = await resolveSkillNames(
    deps.db,
    parsed.skills.map((s) => s.name),
  );
  const found = parsed.skills.flatMap((s) => {
    const ref = refs.get(s.name);
    return ref ? [{ skillId: ref.id, evidence: s.evidence }] : [];
  });

  await deps.db.transaction(async (tx) => {
    await tx
      .update(jobSeekers)
      .set({
        resumeText: text,
        resumeData: parsed.resume,
        resumeRetentionNoticeAt: null,
        resumeErasedAt: null,
        resumeParserModel: parsed.model,
        resumeUpdatedAt: deps.now,
        resumeEmbedding: null,
        resumeEmbeddingModel: null,
        resumeEmbeddedAt: null,
      })
      .where(eq(jobSeekers.id, seekerId));
    await replaceResumeSkills(tx, seekerId, found);
  });

  deps.background(async () => {
    if (await embedResume(deps.db, deps.ai.embedder, seekerId, deps.now)) await deps.onResumeEmbedded?.(seekerId);
  });
  return loadResume(deps.db, seekerId, deps.retentionMonths);
}

/**
 * Embeds the seeker's resume as it was at `version`; a newer resume saved meanwhile wins (the
 * write is conditional). A failure leaves the embedding pending for `embeddings:rebuild`.
 */
export async function embedResume(
  db: Queryable,
  embedder: Embedder,
  seekerId: number,
  version: Date,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ text: jobSeekers.resumeText })
    .from(jobSeekers)
    .where(and(eq(jobSeekers.id, seekerId), eq(jobSeekers.resumeUpdatedAt, version)));
  if (!row?.text) return false;
  const [vector] = await embedder.embed([row.text]);
  const updated = await db
    .update(jobSeekers)
    .set({ resumeEmbedding: vector, resumeEmbeddingModel: embedder.model, resumeEmbeddedAt: now })
    .where(and(eq(jobSeekers.id, seekerId), eq(jobSeekers.resumeUpdatedAt, version)))
    .returning({ id: jobSeekers.id });
  return updated.length > 0;
}

type EmbeddingState = 'none' | 'pending' | 'ready';

export async function loadResume(db: Queryable, seekerId: number, retentionMonths: number) {
  const [row] = await db
    .select({
      text: jobSeekers.resumeText,
      data: jobSeekers.resumeData,
      parserModel: jobSeekers.resumeParserModel,
      updatedAt: jobSeekers.resumeUpdatedAt,
      embeddedAt: jobSeekers.resumeEmbeddedAt,
      embeddingModel: jobSeekers.resumeEmbeddingModel,
      retentionNoticeAt: jobSeekers.resumeRetentionNoticeAt,
      erasedAt: jobSeekers.resumeErasedAt,
    })
    .from(jobSeekers)
    .where(eq(jobSeekers.id, seekerId));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your profile was not found.' });
  const embedding: EmbeddingState = !row.text
    ? 'none'
    : row.embeddedAt && row.updatedAt && row.embeddedAt >= row.updatedAt
      ? 'ready'
      : 'pending';
  return {
    text: row.text,
    data: row.data,
    parserModel: row.parserModel,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    embedding,
    embeddingModel: row.embeddingModel,
    skills: await listSeekerSkills(db, seekerId),
    // What the app tells the seeker about the retention of their resume (retention.ts).
    retention: {
      months: retentionMonths,
      noticeIssuedAt: row.retentionNoticeAt?.toISOString() ?? null,
      erasedAt: row.erasedAt?.toISOString() ?? null,
    },
  };
}
