/**
 * Hybrid job search: full-text (tsvector, ranked) and semantic (pgvector HNSW over the
 * description embedding), fused by reciprocal rank fusion, filtered, keyset-paginated.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { jobs } from '../../db/schema.ts';
import type { Embedder } from '../ai/types.ts';
import { loadLexicon, resolveSkillNames } from '../skills/catalog.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import { decodeScoreCursor, escapeLike, rowsOf } from '../sql-helpers.ts';
import { correctionLookup, correctionOf, correctionSettings, type LookedUp } from './search-correction.ts';
import {
  matchesJobWords,
  nearestJobsSql,
  nearestScanSettings,
  type QueryKind,
  queryKind,
  rankOfJobWords,
  SEED_HITS,
} from './search-semantic.ts';
import {
  factColumns,
  facetsOf,
  factsOf,
  selectFacts,
  type HitFacts,
  type SearchSort,
  sortScore,
} from './search-facets.ts';
import type { SearchJobsInput } from './schemas.ts';
import { visibleToSeekers } from './service.ts';

/** RRF's constant: damps the head of each list so neither ranking dominates (Cormack et al., 2009). */
const RRF_K = 60;
const TEXT_CANDIDATES = 1000;
/**
 * The full-text stage ranks at most this many rows from each of its three sources (title,
 * company, any word): four common words can match thousands of jobs, and ranking them all
 * cost more than the rest of the search (issue 23).
 */
const TEXT_RANKED_PER_SOURCE = 200;
/**
 * How many nearest jobs the semantic stage fuses. A typed query's meaning weighs 0.3 against its
 * words' 1 (`fusionWeights`): its 30 nearest jobs, filtered or not. Past the 30th they only lifted
 * text hits that were also among the 100 nearest a few places: at 20,000 jobs 30 instead of
 * 100 kept 88% of the top 10 unfiltered (97% under filters, session 13) and the labelled queries'
 * nDCG@10, and took keyword searches' p50 / p95 from 25.9 / 41.8 to 23.8 / 37.7 ms on a slow run
 * (issue 23). A described query's list is its nearest jobs: 100, or 50 under filters beyond
 * visibility, where the index walk passes about four jobs for each one a filter keeps (remote +
 * full-time: p50 / p95 43.5 / 60.6 → 31.7 / 43.0 ms, decision 0013); unfiltered, its deeper half
 * still changes its first page (82% the same).
 */
const SEMANTIC_CANDIDATES = { keyword: 30, document: { unfiltered: 100, filtered: 50 } };
/** How many of a described query's nearest jobs its seeds are chosen from (`describedCandidates`). */
const DESCRIBED_SEED_POOL = 20;
/**
 * How near (cosine) a job's meaning must be to count, per model (their scales differ): `withText`
 * when the query's words found jobs, `alone` when they found none. The local embedder hashes
 * character trigrams, so gibberish ("zzzzqqq") lands near 0.27 of some job: only a meaning
 * nearer than that may answer a query whose words match nothing. With text hits the similarity
 * is to the query leaning on its best hits (`nearestJobsSql`), higher than to the bare query:
 * 0.15 let a nonsense query's three chance hits bring ten look-alikes; 0.3 keeps the three and
 * the labelled queries' nDCG gain (decision 0017). Chosen on the labelled queries.
 */
type SimilarityFloor = { withText: number; alone: number };
const SIMILARITY_FLOOR: Record<string, SimilarityFloor> = {
  'local-hash-v1': { withText: 0.3, alone: 0.35 },
  'local-hash-v2': { withText: 0.3, alone: 0.35 },
};
const DEFAULT_SIMILARITY_FLOOR = { withText: 0.3, alone: 0.45 };

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

/**
 * Weights of the two rankings in the fusion. One or two words are what people type for a title,
 * a skill or a company: their words decide. Longer queries describe the work: meaning leads.
 */
function fusionWeights(query: string) {
  const words = query.split(/\s+/).filter(Boolean).length;
  return words <= 2 ? { text: 1, meaning: 0.3 } : { text: 0.6, meaning: 1 };
}

type Hit = { id: number; score: number; text: boolean; meaning: boolean };

function filtersOf(input: SearchJobsInput, now: Date): SQL[] {
  const filters: SQL[] = [visibleToSeekers(now)];
  if (input.location) filters.push(sql`${jobs.location} ilike ${`%${escapeLike(input.location)}%`}`);
  if (input.remoteAllowed !== undefined) filters.push(sql`${jobs.remoteAllowed} = ${input.remoteAllowed}`);
  if (input.employmentType) filters.push(sql`${jobs.employmentType} = ${input.employmentType}`);
  if (input.companyId !== undefined) filters.push(sql`${jobs.employerId} = ${input.companyId}`);
  if (input.salaryMin !== undefined)
    filters.push(sql`coalesce(${jobs.salaryMax}, ${jobs.salaryMin}) >= ${input.salaryMin}`);
  if (input.postedWithinDays)
    filters.push(
      sql`${jobs.postedAt} >= ${new Date(now.getTime() - input.postedWithinDays * 86_400_000).toISOString()}::timestamptz`,
    );
  return filters;
}

/**
 * Filters that keep few jobs (one company, a place, required skills): computing the distance of
 * each job kept beats walking the graph past all the others, so the planner chooses. Broad ones
 * (remote, employment type, pay, recency) keep most jobs and use the index: at 20,000 jobs,
 * remote + full-time took p50 26 ms by the planner's exact scan and 16-22 ms through the index.
 */
const isNarrow = (input: SearchJobsInput) =>
  Boolean(input.companyId !== undefined || input.location || input.skills?.length);

const BROWSE_ORDER: Record<SearchSort, SQL> = {
  relevance: sql`jobs.posted_at desc nulls last, jobs.id asc`,
  newest: sql`jobs.posted_at desc nulls last, jobs.id asc`,
  salary: sql`coalesce(jobs.salary_max, jobs.salary_min) desc nulls last, jobs.id asc`,
};
/** The same orders over the facts' columns, for `selectFacts`. */
const BROWSE_FACTS_ORDER: Record<SearchSort, SQL> = {
  relevance: sql`f.posted desc nulls last, f.id asc`,
  newest: sql`f.posted desc nulls last, f.id asc`,
  salary: sql`f.salary desc nulls last, f.id asc`,
};

/**
 * The full-text candidates, best first, with the facts facets need. A job's words are its own
 * (title 'A', description 'C') and its company's ('B'). The jobs whose title or company matches
 * come first into the bounded set that is ranked (they rank highest by their weights), then other
 * matches up to the bound, ranked by ts_rank (ts_rank_cd cost 8 ms more for a long query at 20,000
 * jobs, with the same nDCG). The sources are gathered unordered and deduplicated by hashing: a
 * union's sorted merge made each source walk the primary key, rebuilding every title's tsvector on
 * the way (issue 23). Titles are matched through their index (materialized: planned for all rows,
 * not for the first few), a matching company's jobs through the employer index.
 */
function textCandidates(where: SQL, tsQuery: SQL): SQL {
  return sql`with title_hits as materialized (
      select id from jobs where ${where} and to_tsvector('english', jobs.title) @@ ${tsQuery}),
    candidates as (
      select id from (
        (select id from title_hits limit ${TEXT_RANKED_PER_SOURCE})
        union all (select company_jobs.id from employers cross join lateral (
            select id from jobs where jobs.employer_id = employers.id and ${where} limit ${TEXT_RANKED_PER_SOURCE}) company_jobs
          where employers.search @@ ${tsQuery} limit ${TEXT_RANKED_PER_SOURCE})
        union all (select id from jobs where ${where} and jobs.search @@ ${tsQuery} limit ${TEXT_RANKED_PER_SOURCE})
      ) sources group by id)
    select ${factColumns}, ${rankOfJobWords(tsQuery)} as rank
    from candidates join jobs on jobs.id = candidates.id join employers on employers.id = jobs.employer_id
    order by rank desc, jobs.id asc limit ${TEXT_CANDIDATES}`;
}

/**
 * A query's spelling check and stages run in one transaction, its settings `set local` in one
 * statement that also answers the query's full-text form (`fullTextWords`) and looks up the words
 * its spelling check reads (`correctionLookup`, after the setting it needs): each statement is a
 * round trip into PGlite. The best plans for the text and nearest stages depend on the words
 * searched (how many jobs match them), so they are planned for each search, never from a plan
 * kept for the statement's text (PGlite keeps plans, decision 0016): generic plans took p95 from
 * 18 to 61 ms at 20,000 jobs. This statement itself is planned before its settings take effect,
 * and may keep its plan: its look-ups are by key.
 */
async function beginSearch(
  tx: Queryable,
  options: { query: string; narrow: boolean; searched: Searched; spelling: SQL | null },
) {
  const [settled] = rowsOf<{ words: string; spelling: LookedUp[] | null }>(
    await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true), ${correctionSettings},
      ${nearestScanSettings(options)}, ${fullTextWords(options.searched)} as words,
      ${options.spelling ?? sql`null::json`} as spelling`),
  );
  return { tsQuery: sql`${settled!.words}::tsquery`, spelling: settled!.spelling };
}

/**
 * What a search's full-text stages match, as tsquery text: any of its words ("nurse pediatric"
 * finds either, both rank higher), and a skill it names, an alias included ("TS"), also by the
 * skill's whole name as a phrase ("TypeScript"). Word by word, a long name matched what it did not
 * mean: "Moodle" (Moodle Learning Management System) found every manager, and ranked thousands
 * of jobs to do it. Computed once with the settings and sent to each statement as a value: written
 * into each, it was parsed and stemmed again for every place a statement used it, as each was
 * planned (about 0.4 ms of the text stage's planning).
 */
const fullTextWords = ({ searched, skillNames }: Searched) => {
  const skills = skillNames.map((name) => sql` || phraseto_tsquery('english', ${name})`);
  return sql`(replace(plainto_tsquery('english', ${searched})::text, '&', '|')::tsquery${sql.join(skills, sql``)})::text`;
};

/** Every filter of a search (`where`), whether there are any beyond visibility, and visibility alone. */
type Filter = { where: SQL; filtered: boolean; visible: SQL };
type Searched = { searched: string; skillNames: string[]; vector: number[]; floor: SimilarityFloor };
type Candidates = { textHits: HitFacts[]; meaningHits: HitFacts[] };

/**
 * A typed query's candidates: its full-text matches, then the jobs nearest its meaning leaning on
 * its best text hits (decision 0017).
 */
async function typedCandidates(tx: Queryable, filter: Filter, query: Searched, tsQuery: SQL): Promise<Candidates> {
  const { where, filtered } = filter;
  const ranked = textCandidates(where, tsQuery);
  const textHits = (await selectFacts(tx, { statement: ranked, order: sql`f.rank desc, f.id` })).map(factsOf);
  const seeds = textHits.slice(0, SEED_HITS).map((hit) => hit.id);
  const nearest = nearestJobsSql({
    where,
    vector: query.vector,
    seeds,
    limit: semanticLimit(filtered, queryKind(query.searched)),
  });
  // The nearest jobs come with their facts: no second read of them.
  const withFacts = sql`select ${factColumns}, nearest.similarity from (${nearest}) nearest
      join jobs on jobs.id = nearest.id join employers on employers.id = jobs.employer_id`;
  const meaning = await selectFacts<[number]>(tx, {
    statement: withFacts,
    order: sql`f.similarity desc, f.id`,
    extra: sql`, f.similarity`,
  });
  const floor = textHits.length ? query.floor.withText : query.floor.alone;
  // The similarity is the extra column, after the eight facts.
  return { textHits, meaningHits: meaning.filter((row) => row[8] >= floor).map(factsOf) };
}

/**
 * A described query's candidates (more than four words: the work, not a title), in one statement:
 * the jobs nearest its meaning leaning on the best word matches among its own nearest jobs, and
 * those of them its words match, ranked by them. Its words match most jobs: the typed queries'
 * text stage ranked a bounded set of them in the order the table held them, cost 10-12 ms at
 * 20,000 jobs and found a quarter of the best-ranked ten; its bare vector is among documents, so
 * its nearest jobs hold its best matches (decision 0018).
 */
async function describedCandidates(tx: Queryable, filter: Filter, query: Searched, tsQuery: SQL): Promise<Candidates> {
  // Its seeds lend a direction, not results: they are looked for among all the visible jobs, a walk
  // that stops at its beam, where one under filters passes about four jobs for each one kept.
  const seeds = { matching: tsQuery, among: DESCRIBED_SEED_POOL, within: filter.visible };
  const nearest = nearestJobsSql({
    where: filter.where,
    vector: query.vector,
    seeds,
    limit: semanticLimit(filter.filtered, 'document'),
  });
  const withWords = sql`select ${factColumns}, nearest.similarity,
      case when ${matchesJobWords(tsQuery)} then ${rankOfJobWords(tsQuery)} end as rank
    from (${nearest}) nearest join jobs on jobs.id = nearest.id join employers on employers.id = jobs.employer_id`;
  const rows = await selectFacts<[number, number | null]>(tx, {
    statement: withWords,
    order: sql`f.similarity desc, f.id`,
    extra: sql`, f.similarity, f.rank`,
  });
  // After the eight facts: the similarity, then the rank by words (null: none matched).
  const matched = rows.filter((row) => row[9] !== null).sort((a, b) => b[9]! - a[9]! || a[0] - b[0]);
  const floor = matched.length ? query.floor.withText : query.floor.alone;
  return { textHits: matched.map(factsOf), meaningHits: rows.filter((row) => row[8] >= floor).map(factsOf) };
}

const semanticLimit = (filtered: boolean, kind: QueryKind) =>
  kind === 'keyword' ? SEMANTIC_CANDIDATES.keyword : SEMANTIC_CANDIDATES.document[filtered ? 'filtered' : 'unfiltered'];

/** Full-text and semantic candidates of a query, fused; the semantic ones only above the floor. */
async function hybridHits(tx: Queryable, filter: Filter, query: Searched, tsQuery: SQL) {
  const { searched } = query;
  let found = queryKind(searched) === 'document' ? await describedCandidates(tx, filter, query, tsQuery) : null;
  // Its walks see only embedded jobs: with none near (embeddings pending, or a filter that keeps
  // few), its words are searched as a typed query's are.
  if (!found?.textHits.length && !found?.meaningHits.length) found = await typedCandidates(tx, filter, query, tsQuery);
  const { textHits, meaningHits } = found;

  const weights = fusionWeights(searched);
  const fused = new Map<number, Hit>();
  textHits.forEach((r, rank) => {
    fused.set(r.id, { id: r.id, score: weights.text / (RRF_K + rank + 1), text: true, meaning: false });
  });
  meaningHits.forEach((r, rank) => {
    const hit = fused.get(r.id) ?? { id: r.id, score: 0, text: false, meaning: false };
    fused.set(r.id, { ...hit, score: hit.score + weights.meaning / (RRF_K + rank + 1), meaning: true });
  });
  return { hits: [...fused.values()], tsQuery, facts: [...textHits, ...meaningHits] };
}

export async function searchJobs(deps: { db: Database; embedder: Embedder; now: Date }, input: SearchJobsInput) {
  const { db, now } = deps;
  const filters = filtersOf(input, now);
  const sort: SearchSort = input.sort ?? (input.q.trim() ? 'relevance' : 'newest');
  if (input.skills?.length) {
    const resolved = await resolveSkillNames(db, input.skills);
    if (resolved.size < new Set(input.skills).size) return emptyAnswer(null, sort);
    for (const ref of new Set([...resolved.values()].map((r) => r.id))) {
      filters.push(sql`exists (select 1 from job_skills js where js.job_id = ${jobs.id} and js.skill_id = ${ref})`);
    }
  }
  const where = sql.join(filters, sql` and `);
  const cursor = decodeScoreCursor(input.cursor, 'This page link is no longer valid. Start the search again.');
  const reading = { sort, cursor, limit: input.limit };

  const q = input.q.trim();
  if (!q) {
    const browsed = sql`select ${factColumns} from jobs join employers on employers.id = jobs.employer_id
        where ${where} order by ${BROWSE_ORDER[sort]} limit ${TEXT_CANDIDATES}`;
    const known = (await selectFacts(db, { statement: browsed, order: BROWSE_FACTS_ORDER[sort] })).map(factsOf);
    const candidates = known.map((r) => ({ id: r.id, score: 0, text: false, meaning: false }));
    return answerOf(db, { candidates, known, tsQuery: null, correctedQuery: null }, reading);
  }
  const filter = { where, filtered: filters.length > 1, visible: filters[0]! };
  return searchWords(deps, { q, filter, narrow: isNarrow(input) }, reading);
}

type Reading = { sort: SearchSort; cursor: ReturnType<typeof decodeScoreCursor>; limit: number };

/**
 * A query's answer. Its meaning is computed outside a transaction (the embedder may call OpenAI,
 * and PGlite's one connection would wait for it): the query as typed, before its spelling is
 * checked, which most queries keep. A corrected one is embedded again and searched in a second
 * transaction. The index's beam follows the query as typed: a correction changes words, not
 * their number.
 */
async function searchWords(
  deps: { db: Database; embedder: Embedder; now: Date },
  search: { q: string; filter: Filter; narrow: boolean },
  reading: Reading,
) {
  const { db, embedder } = deps;
  const { q, filter } = search;
  const lexicon = await loadLexicon(db);
  const meaningOf = async (searched: string): Promise<Searched> => {
    const skillNames = findSkillMentions(lexicon, searched, { lenient: true }).map((m) => m.name);
    const [vector] = await embedder.embed([skillNames.length ? `${searched} ${skillNames.join(' ')}` : searched]);
    return {
      searched,
      skillNames,
      vector: vector!,
      floor: SIMILARITY_FLOOR[embedder.model] ?? DEFAULT_SIMILARITY_FLOOR,
    };
  };
  const begin = (tx: Queryable, searched: Searched, spelling: SQL | null) =>
    beginSearch(tx, { query: q, narrow: search.narrow, searched, spelling });
  // The page is read after the transaction: its statement keeps a plan, the stages' may not.
  const answer = (found: Awaited<ReturnType<typeof hybridHits>>, correctedQuery: string | null) =>
    answerOf(db, { candidates: found.hits, known: found.facts, tsQuery: found.tsQuery, correctedQuery }, reading);
  const asTyped = await meaningOf(q);
  const checked = await db.transaction(async (tx) => {
    const { tsQuery, spelling } = await begin(tx, asTyped, correctionLookup(lexicon, q, deps.now));
    const correction = correctionOf(q, spelling);
    return correction.corrected === null ? { found: await hybridHits(tx, filter, asTyped, tsQuery) } : { correction };
  });
  if (checked.found) return answer(checked.found, null);
  const { searched, corrected } = checked.correction!;
  const asCorrected = await meaningOf(searched);
  const found = await db.transaction(async (tx) => {
    return hybridHits(tx, filter, asCorrected, (await begin(tx, asCorrected, null)).tsQuery);
  });
  return answer(found, corrected);
}

/** The page a cursor points to of the candidates, ordered, with the facets of them all. */
async function answerOf(
  db: Queryable,
  found: { candidates: Hit[]; known: HitFacts[]; tsQuery: SQL | null; correctedQuery: string | null },
  reading: Reading,
) {
  const { candidates, known, tsQuery, correctedQuery } = found;
  const { sort, cursor } = reading;
  // Every order ranks as (score desc, id asc), so one keyset cursor serves them all.
  const facts = new Map(known.map((f) => [f.id, f]));
  const ranked = candidates
    .map((c) => ({ ...c, score: sortScore(sort, c.score, facts.get(c.id)) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const facets = facetsOf(ranked.flatMap((r) => facts.get(r.id) ?? []));

  const after = cursor
    ? ranked.filter((r) => r.score < cursor.score || (r.score === cursor.score && r.id > cursor.id))
    : ranked;
  const page = after.slice(0, reading.limit);
  const nextCursor = after.length > reading.limit ? `${page.at(-1)!.score}:${page.at(-1)!.id}` : null;
  if (page.length === 0) return { items: [], nextCursor: null, total: ranked.length, correctedQuery, sort, facets };
  const items = await pageItems(db, page, tsQuery);
  return { items, nextCursor, total: ranked.length, correctedQuery, sort, facets };
}

/** The longest stretch of a description a snippet is chosen from, and how far before its first match it starts. */
const SNIPPET_WINDOW = 600;
const SNIPPET_LEAD = 100;

/**
 * The part of a job's description its snippet is chosen from (`j`): all of it up to
 * `SNIPPET_WINDOW` characters, else that many from shortly before the first word of the query.
 * ts_headline parses and stems every word it is given: over whole descriptions of about 3,000
 * characters (real ads run 2,000-5,000; the bench's 370) the page statement took 20.7 ms p50,
 * 10.8 in this window (issue 23, decision 0021); one of 20,000 would cost every page it is on
 * far more. The first
 * match is found by its lexeme as a prefix ("nurs" in "Nursing"), less a final "i" or "e" that
 * stemming may have put there ("citi" for "city"); a description that shows no match in its
 * window keeps the excerpt from its start (`pageItems`). A window that starts mid-text drops its
 * first, partial word.
 */
function snippetWindow(tsQuery: SQL): SQL {
  const prefixes = sql`(select array_agg(regexp_replace(m[1], '[ie]$', ''))
      from regexp_matches((${tsQuery})::text, '''([^'']{2,})''', 'g') m)`;
  return sql`case when length(j.description) <= ${SNIPPET_WINDOW} then j.description else (
      select regexp_replace(substr(j.description, w.start, ${SNIPPET_WINDOW}), case when w.start > 1 then '^\\S*\\s+' else '^' end, '')
      from (select greatest(1, coalesce(min(nullif(strpos(lower(j.description), p), 0)), 1) - ${SNIPPET_LEAD}) as start
            from unnest(${prefixes}) p) w) end`;
}

/** What a result card shows of each hit of a page, in the page's order. */
async function pageItems(db: Queryable, page: Hit[], tsQuery: SQL | null) {
  const ids = page.map((p) => p.id);
  // Company and skill names are looked up per row (scalar subqueries): as joins, the planner
  // hashed all employers and all skills for each of the page's jobs (issue 23). `offset 0` keeps
  // a job's skills a subquery of their own: pulled up, the name's lookup ran twice per skill, once
  // for the JSON and once for the order.
  // The markers are control characters; any already in the stored text are dropped first, so
  // a job cannot highlight words of its own choosing.
  // The query is a sub-select, cast once per headline column: under the generic plan Postgres
  // keeps for this statement, an expression is evaluated again for each headline of each row.
  const headline = (text: SQL, options: string) =>
    tsQuery
      ? sql`ts_headline('english', translate(${text}, chr(2) || chr(3), ''), (select ${tsQuery}), ${`StartSel=${START}, StopSel=${STOP}, ${options}`})`
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
    skills: { name: string; required: boolean }[];
  }>(
    await db.execute(sql`
      select j.id, j.title, j.location, j.remote_allowed, j.employment_type, j.salary_min, j.salary_max, j.currency, j.posted_at,
             (select e.company_name from employers e where e.id = j.employer_id) as company_name,
             ${headline(sql`j.title`, 'HighlightAll=true')} as title_headline,
             ${headline(tsQuery ? snippetWindow(tsQuery) : sql`j.description`, 'MaxWords=30, MinWords=12, MaxFragments=2')} as snippet,
             left(j.description, 220) as excerpt,
             (select coalesce(json_agg(json_build_object('name', skill.name, 'required', skill.required)
                                       order by skill.priority, skill.name), '[]')
              from (select coalesce((select s.name from skills s where s.id = js.skill_id), js.custom_name) as name,
                           js.required, js.priority
                    from job_skills js where js.job_id = j.id offset 0) skill) as skills
      from jobs j where j.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((hit) => {
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
        skills: r.skills,
        titleSegments: tsQuery ? segmentsOf(r.title_headline) : [{ text: r.title, match: false }],
        snippet: snippet.some((s) => s.match) ? snippet : [{ text: r.excerpt, match: false }],
        /** Why it is here: its words matched, its meaning is near the query, or both. */
        matchedBy: [...(hit.text ? ['text' as const] : []), ...(hit.meaning ? ['meaning' as const] : [])],
      },
    ];
  });
}

function emptyAnswer(correctedQuery: string | null, sort: SearchSort) {
  return { items: [], nextCursor: null, total: 0, correctedQuery, sort, facets: facetsOf([]) };
}
