/**
 * Hybrid job search: full-text (tsvector, ranked) and semantic (pgvector HNSW over the
 * description embedding), fused by reciprocal rank fusion, filtered, keyset-paginated.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { jobs } from '../../db/schema.ts';
import type { Embedder } from '../ai/types.ts';
import { loadLexicon, resolveSkillNames } from '../skills/catalog.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import { decodeScoreCursor, escapeLike, rowsOf } from '../sql-helpers.ts';
import type { SearchJobsInput } from './schemas.ts';
import { visibleToSeekers } from './service.ts';

/** RRF's constant: damps the head of each list so neither ranking dominates (Cormack et al., 2009). */
const RRF_K = 60;
const TEXT_CANDIDATES = 1000;
const SEMANTIC_CANDIDATES = 100;
/** Below this cosine similarity a job is not "about" the query. Per model: their scales differ. */
const MIN_SIMILARITY: Record<string, number> = { 'local-hash-v1': 0.1, 'local-hash-v2': 0.1 };
const DEFAULT_MIN_SIMILARITY = 0.25;

export interface Segment {
  text: string;
  match: boolean;
}

const START = '\u0002';
const STOP = '\u0003';

/** ts_headline output with our markers, as segments: the client renders marks without HTML. */
function segmentsOf(text: string | null): Segment[] {
  if (!text) return [];
  const segments: Segment[] = [];
  for (const part of text.split(START)) {
    const [matched, rest] = part.includes(STOP) ? part.split(STOP) : [null, part];
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

export async function searchJobs(deps: { db: Database; embedder: Embedder; now: Date }, input: SearchJobsInput) {
  const { db, now } = deps;
  const filters: SQL[] = [visibleToSeekers(now)];
  if (input.location) filters.push(sql`${jobs.location} ilike ${`%${escapeLike(input.location)}%`}`);
  if (input.remoteAllowed !== undefined) filters.push(sql`${jobs.remoteAllowed} = ${input.remoteAllowed}`);
  if (input.employmentType) filters.push(sql`${jobs.employmentType} = ${input.employmentType}`);
  if (input.salaryMin !== undefined)
    filters.push(sql`coalesce(${jobs.salaryMax}, ${jobs.salaryMin}) >= ${input.salaryMin}`);
  if (input.postedWithinDays)
    filters.push(
      sql`${jobs.postedAt} >= ${new Date(now.getTime() - input.postedWithinDays * 86_400_000).toISOString()}::timestamptz`,
    );
  if (input.skills?.length) {
    const resolved = await resolveSkillNames(db, input.skills);
    if (resolved.size < new Set(input.skills).size) return { items: [], nextCursor: null, total: 0 };
    for (const ref of new Set([...resolved.values()].map((r) => r.id))) {
      filters.push(sql`exists (select 1 from job_skills js where js.job_id = ${jobs.id} and js.skill_id = ${ref})`);
    }
  }
  const where = sql.join(filters, sql` and `);
  const cursor = decodeScoreCursor(input.cursor, 'This page link is no longer valid. Start the search again.');

  // Ranking: by fused relevance when there is a query, else newest first. Both rank as
  // (score desc, id asc), so one keyset cursor serves both.
  let ranked: { id: number; score: number; text: boolean; meaning: boolean }[];
  const q = input.q.trim();
  let tsQuery: SQL | null = null;
  if (!q) {
    const rows = rowsOf<{ id: number; score: number }>(
      await db.execute(
        sql`select id, extract(epoch from posted_at)::float8 as score from jobs where ${where} order by posted_at desc nulls last, id asc limit ${TEXT_CANDIDATES}`,
      ),
    );
    ranked = rows.map((r) => ({ id: r.id, score: r.score ?? 0, text: false, meaning: false }));
  } else {
    const lexicon = await loadLexicon(db);
    const querySkills = findSkillMentions(lexicon, q, { lenient: true }).map((m) => m.name);
    // Any query word may match ("nurse pediatric" finds either, both rank higher), and a skill
    // written as an alias ("TS") also searches its name ("TypeScript").
    tsQuery = sql`(replace(plainto_tsquery('english', ${q})::text, '&', '|')::tsquery || replace(plainto_tsquery('english', ${querySkills.join(' ')})::text, '&', '|')::tsquery)`;
    const expanded = querySkills.length ? `${q} ${querySkills.join(' ')}` : q;
    const [queryVector] = await deps.embedder.embed([expanded]);
    const minSimilarity = MIN_SIMILARITY[deps.embedder.model] ?? DEFAULT_MIN_SIMILARITY;
    const vector = `[${queryVector!.join(',')}]`;

    const [textHits, meaningHits] = await db.transaction(async (tx) => {
      const text = rowsOf<{ id: number }>(
        await tx.execute(
          sql`select id from jobs where ${where} and search @@ ${tsQuery} order by ts_rank_cd(search, ${tsQuery}) desc, id asc limit ${TEXT_CANDIDATES}`,
        ),
      );
      // With filters, HNSW alone could stop short of k rows; iterative scans keep looking.
      await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
      await tx.execute(sql`set local hnsw.ef_search = 100`);
      const meaning = rowsOf<{ id: number; similarity: number }>(
        await tx.execute(sql`
          select id, 1 - (description_embedding <=> ${vector}::vector) as similarity from jobs
          where ${where} and description_embedding is not null
          order by description_embedding <=> ${vector}::vector limit ${SEMANTIC_CANDIDATES}`),
      );
      return [
        text,
        meaning.filter((r) => r.similarity >= minSimilarity).sort((a, b) => b.similarity - a.similarity),
      ] as const;
    });

    const fused = new Map<number, { id: number; score: number; text: boolean; meaning: boolean }>();
    textHits.forEach((r, rank) => {
      fused.set(r.id, { id: r.id, score: 1 / (RRF_K + rank + 1), text: true, meaning: false });
    });
    meaningHits.forEach((r, rank) => {
      const hit = fused.get(r.id) ?? { id: r.id, score: 0, text: false, meaning: false };
      fused.set(r.id, { ...hit, score: hit.score + 1 / (RRF_K + rank + 1), meaning: true });
    });
    ranked = [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
  }

  const after = cursor
    ? ranked.filter((r) => r.score < cursor.score || (r.score === cursor.score && r.id > cursor.id))
    : ranked;
  const page = after.slice(0, input.limit);
  const nextCursor = after.length > input.limit ? `${page.at(-1)!.score}:${page.at(-1)!.id}` : null;
  if (page.length === 0) return { items: [], nextCursor: null, total: ranked.length };

  const ids = page.map((p) => p.id);
  // The markers are control characters; any already in the stored text are dropped first, so
  // a job cannot highlight words of its own choosing.
  const headline = (column: SQL, options: string) =>
    tsQuery
      ? sql`ts_headline('english', translate(${column}, chr(2) || chr(3), ''), ${tsQuery}, ${`StartSel=${START}, StopSel=${STOP}, ${options}`})`
      : sql`null`;
  const rows = rowsOf<{
    id: number;
    title: string;
    location: string | null;
    remote_allowed: boolean;
    employment_type: string | null;
    salary_min: string | null;
    salary_max: string | null;
    currency: string;
    posted_at: string | Date | null;
    company_name: string;
    title_headline: string | null;
    snippet: string | null;
    excerpt: string;
  }>(
    await db.execute(sql`
      select j.id, j.title, j.location, j.remote_allowed, j.employment_type, j.salary_min, j.salary_max, j.currency, j.posted_at,
             e.company_name, ${headline(sql`j.title`, 'HighlightAll=true')} as title_headline,
             ${headline(sql`j.description`, 'MaxWords=30, MinWords=12, MaxFragments=2')} as snippet,
             left(j.description, 220) as excerpt
      from jobs j join employers e on e.id = j.employer_id where j.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  const skillRows = rowsOf<{ job_id: number; name: string; required: boolean }>(
    await db.execute(
      sql`select js.job_id, coalesce(s.name, js.custom_name) as name, js.required from job_skills js left join skills s on s.id = js.skill_id where js.job_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) order by js.priority, 2`,
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = page.flatMap((hit) => {
    const r = byId.get(hit.id);
    if (!r) return [];
    const snippet = segmentsOf(r.snippet);
    return [
      {
        id: r.id,
        title: r.title,
        companyName: r.company_name,
        location: r.location,
        remoteAllowed: r.remote_allowed,
        employmentType: r.employment_type,
        salaryMin: r.salary_min,
        salaryMax: r.salary_max,
        currency: r.currency,
        postedAt: r.posted_at ? new Date(r.posted_at).toISOString() : null,
        skills: skillRows.filter((s) => s.job_id === r.id).map((s) => ({ name: s.name, required: s.required })),
        titleSegments: tsQuery ? segmentsOf(r.title_headline) : [{ text: r.title, match: false }],
        snippet: snippet.some((s) => s.match) ? snippet : [{ text: r.excerpt, match: false }],
        /** Why it is here: its words matched, its meaning is near the query, or both. */
        matchedBy: [...(hit.text ? ['text' as const] : []), ...(hit.meaning ? ['meaning' as const] : [])],
      },
    ];
  });
  return { items, nextCursor, total: ranked.length };
}
