/**
 * Typo tolerance for job search: a query word that matches no visible job is replaced by the
 * nearest word of the search vocabulary (job titles, company names, catalog skills; migration
 * 0014), found by trigram similarity and confirmed by edit distance.
 */
import { type SQL, sql } from 'drizzle-orm';
import { findSkillMentions, type SkillLexicon } from '../skills/lexicon.ts';
import { visibleToSeekers } from './service.ts';

/** Hostile queries (hundreds of words, runs of one letter) must not cost more than this many look-ups. */
export const MAX_WORDS_CORRECTED = 4;
const MIN_WORD = 3;
const MAX_WORD = 30;
/**
 * The setting `correctionLookup`'s statement needs, as a `set_config` call for the search's one
 * settings statement: pg_trgm's default floor (0.3) misses transpositions of short words,
 * "pyhton" is 0.27 from "python".
 */
export const correctionSettings: SQL = sql`set_config('pg_trgm.similarity_threshold', '0.2', true)`;
const CANDIDATES_PER_WORD = 8;
/** A vocabulary word this many rows use is taken as spelled right (`correctionLookup`). */
const KNOWN_VOCABULARY_USES = 2;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest
 * typo): "pyhton" is one edit from "python".
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Edits a word of this length may be off by: one up to six letters, two beyond. */
const allowedEdits = (word: string) => (word.length <= 6 ? 1 : 2);

function bestCandidate(word: string, candidates: { word: string; uses: number }[]): string | null {
  const near = candidates
    .map((c) => ({ ...c, distance: editDistance(word, c.word) }))
    .filter((c) => c.distance > 0 && c.distance <= allowedEdits(word))
    .sort((x, y) => x.distance - y.distance || y.uses - x.uses || x.word.localeCompare(y.word));
  return near[0]?.word ?? null;
}

/** The query's words worth checking: letters only, a sensible length, not a skill or its alias. */
function checkableWords(lexicon: SkillLexicon, q: string): string[] {
  const words = new Set<string>();
  for (const raw of q.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? []) {
    if (raw.length < MIN_WORD || raw.length > MAX_WORD || !/^[a-z]+$/.test(raw)) continue;
    if (findSkillMentions(lexicon, raw, { lenient: true }).length) continue;
    words.add(raw);
    if (words.size === MAX_WORDS_CORRECTED) break;
  }
  return [...words];
}

export type LookedUp = { word: string; known: boolean; candidates: { word: string; uses: number }[] | null };

/**
 * The look-up `correctionOf` reads, as one JSON value for a statement that sets
 * `correctionSettings` before it (the search's settings statement: a round trip and a planning
 * fewer than a statement of its own), or null when the query has no word to check.
 * The vocabulary is searched only for words that match nothing: most queries need no look-up.
 * A word the vocabulary has from two rows or more is taken as spelled right, whether or not a
 * visible job uses it now, and is found by its key (the full-text look-ups build a bitmap of
 * every job with the word); a word of one title may be that title's typo.
 * Materialized: inlined, each use of `known` ran its look-ups again.
 */
export function correctionLookup(lexicon: SkillLexicon, q: string, now: Date): SQL | null {
  const words = checkableWords(lexicon, q);
  if (!words.length) return null;
  return sql`(with k as materialized (select w.word,
        numnode(plainto_tsquery('english', w.word)) = 0
          or exists (select 1 from search_vocabulary v where v.word = w.word and v.uses >= ${KNOWN_VOCABULARY_USES})
          or exists (select 1 from jobs where ${visibleToSeekers(now)} and jobs.search @@ plainto_tsquery('english', w.word))
          or exists (select 1 from employers e where e.search @@ plainto_tsquery('english', w.word)) as known
        from unnest(${`{${words.join(',')}}`}::text[]) as w(word))
      select json_agg(json_build_object('word', k.word, 'known', k.known, 'candidates', case when k.known then null else (
        select json_agg(json_build_object('word', v.word, 'uses', v.uses)) from (
           select word, uses from search_vocabulary where word % k.word
           order by similarity(word, k.word) desc, uses desc limit ${CANDIDATES_PER_WORD}) v) end)) from k)`;
}

/**
 * The query as it will be searched, from its `correctionLookup` (null: nothing was looked up):
 * each word that is not a common vocabulary word, matches no visible job (in its title,
 * description or company) and is near a vocabulary word, replaced by it. `corrected` is null when
 * nothing changed.
 */
export function correctionOf(q: string, lookedUp: LookedUp[] | null): { searched: string; corrected: string | null } {
  const replacements = new Map<string, string>();
  for (const row of lookedUp ?? []) {
    if (row.known) continue;
    const replacement = bestCandidate(row.word, row.candidates ?? []);
    if (replacement) replacements.set(row.word, replacement);
  }
  if (!replacements.size) return { searched: q, corrected: null };
  const searched = q.replace(/[\p{L}\p{N}+#]+/gu, (raw) => {
    const replacement = replacements.get(raw.toLowerCase());
    if (!replacement) return raw;
    // As the seeker wrote it: "Nurce" reads "Nurse".
    return raw[0] === raw[0]!.toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
  });
  return { searched, corrected: searched };
}
