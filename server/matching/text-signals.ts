/**
 * Two signals read from the texts themselves, with the IDF table frozen for blend-v2, so the
 * same resume and job always give the same values (no database, no model):
 * - lexical relevance: how much of the job's distinctive vocabulary (its title counted three
 *   times, its requirements and description) the resume uses, BM25-saturated per word and
 *   weighted by rarity; in [0, 1];
 * - title match: the share (by rarity) of the job title's words found in one of the resume's
 *   own titles (headline, positions held, or its first line), seniority words aside; in [0, 1].
 */
import { idfOf, tokenize, type IdfTable } from '../ai/local-embedder.ts';
import { IDF_V2 } from './idf-v2.ts';

const TITLE_REPEAT = 3;
/** BM25's term saturation and length normalization, against a typical resume of 300 words. */
const K1 = 1.2;
const B = 0.5;
const TYPICAL_RESUME_WORDS = 300;
const HEADLINE_WORDS = 12;
const SENIORITY = new Set([
  'senior',
  'sr',
  'junior',
  'jr',
  'lead',
  'staff',
  'principal',
  'head',
  'chief',
  'trainee',
  'intern',
  'entry',
  'level',
  'ii',
  'iii',
  'iv',
]);

export interface ResumeForSignals {
  text: string | null;
  /** The parsed JSON Resume: basics.label and work[].position are the titles. */
  data: unknown;
}

export interface JobForSignals {
  title: string;
  description: string;
  requirements: unknown;
}

export interface TextSignals {
  lexical: number;
  titleMatch: number;
}

/**
 * Recent texts' words: re-scoring reads one resume against its 50 jobs and one job against many
 * resumes, so each text is split once per batch, not once per pair. Bounded.
 */
const recentWords = new Map<string, string[]>();
const RECENT_TEXTS = 512;
function wordsOf(text: string): string[] {
  let words = recentWords.get(text);
  if (!words) {
    words = tokenize(text);
    if (recentWords.size >= RECENT_TEXTS) recentWords.delete(recentWords.keys().next().value!);
    recentWords.set(text, words);
  }
  return words;
}

function counts(words: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}

function requirementsText(requirements: unknown): string {
  if (!requirements || typeof requirements !== 'object') return '';
  return Object.values(requirements as Record<string, unknown>)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string')
    .join('\n');
}

/** The resume's titles, most telling first: headline, positions held, then its first words. */
function resumeTitles(resume: ResumeForSignals): string[] {
  const data = (resume.data ?? {}) as { basics?: { label?: unknown }; work?: { position?: unknown }[] };
  const titles = [data.basics?.label, ...(Array.isArray(data.work) ? data.work.map((w) => w?.position) : [])].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
  const opening = wordsOf(resume.text ?? '')
    .slice(0, HEADLINE_WORDS)
    .join(' ');
  return [...titles, opening].filter(Boolean);
}

function titleMatch(titles: string[], jobTitle: string, idf: IdfTable = IDF_V2): number {
  const wanted = [...new Set(tokenize(jobTitle))].filter((w) => !SENIORITY.has(w));
  const total = wanted.reduce((s, w) => s + idfOf(idf, w), 0);
  if (total === 0) return 0;
  let best = 0;
  for (const title of titles) {
    const have = new Set(tokenize(title));
    best = Math.max(best, wanted.reduce((s, w) => s + (have.has(w) ? idfOf(idf, w) : 0), 0) / total);
  }
  return best;
}

function lexicalRelevance(resumeText: string, job: JobForSignals, idf: IdfTable = IDF_V2): number {
  const resumeWords = wordsOf(resumeText);
  if (resumeWords.length === 0) return 0;
  const have = counts(resumeWords);
  const title = tokenize(job.title);
  const jobWords = counts([
    ...Array<string[]>(TITLE_REPEAT).fill(title).flat(),
    ...tokenize(requirementsText(job.requirements)),
    ...wordsOf(job.description),
  ]);
  const lengthFactor = K1 * (1 - B + (B * resumeWords.length) / TYPICAL_RESUME_WORDS);
  let wanted = 0;
  let found = 0;
  for (const [word, tf] of jobWords) {
    const weight = idfOf(idf, word) * (1 + Math.log(tf));
    wanted += weight;
    const f = have.get(word) ?? 0;
    found += weight * (f / (f + lengthFactor));
  }
  return wanted === 0 ? 0 : found / wanted;
}

/**
 * Each direction saturates smoothly (x / (x + k), scaled so 1 stays 1): past what a resume and an
 * ad of one role typically share, more words add less, and no two candidates tie at a cap.
 */
const JOB_COVERAGE_HALF = 0.4;
const RESUME_COVERAGE_HALF = 0.1;
const saturate = (x: number, half: number) => ((1 + half) * x) / (x + half);

export function textSignals(resume: ResumeForSignals, job: JobForSignals): TextSignals {
  const text = resume.text ?? '';
  const lexical =
    0.5 * saturate(lexicalRelevance(text, job), JOB_COVERAGE_HALF) +
    0.5 * saturate(resumeCoverage(text, job), RESUME_COVERAGE_HALF);
  return {
    lexical: Math.round(lexical * 10_000) / 10_000,
    titleMatch: Math.round(titleMatch(resumeTitles(resume), job.title) * 10_000) / 10_000,
  };
}

/**
 * How far a job's skills list can be trusted: 1 when the employer chose any of them; for a
 * list read from the ad's text alone, 1 only from 4 skills up (one inferred "Sales" on a
 * "Tour Accountant" ad says little), so the skills part gives way to the texts.
 */
export function skillsConfidence(jobSkills: { inferred?: boolean | undefined }[]): number {
  if (jobSkills.length === 0) return 0;
  if (jobSkills.some((s) => !s.inferred)) return 1;
  return Math.min(1, jobSkills.length / 4);
}

/** The other way round: how much of the resume's distinctive vocabulary the job uses (BM25-saturated, length-normalized). */
function resumeCoverage(resumeText: string, job: JobForSignals, idf: IdfTable = IDF_V2): number {
  const jobWords = counts([
    ...Array<string[]>(TITLE_REPEAT).fill(tokenize(job.title)).flat(),
    ...tokenize(requirementsText(job.requirements)),
    ...wordsOf(job.description),
  ]);
  const jobLength = [...jobWords.values()].reduce((s, n) => s + n, 0);
  const lengthFactor = K1 * (1 - 0.75 + (0.75 * jobLength) / 150);
  let wanted = 0;
  let found = 0;
  for (const word of new Set(wordsOf(resumeText))) {
    const weight = idfOf(idf, word);
    wanted += weight;
    const f = jobWords.get(word) ?? 0;
    found += weight * ((f * (K1 + 1)) / (f + lengthFactor));
  }
  return wanted === 0 ? 0 : found / wanted;
}

const QUERY_WORDS = 30;

/**
 * The resume's most distinctive words (term frequency x IDF), as an OR query for Postgres
 * full-text search (`to_tsquery('english', …)`); plain lowercase words only, so it always parses.
 * null when the resume has none.
 */
export function fullTextQueryOf(resumeText: string, idf: IdfTable = IDF_V2): string | null {
  const raw = resumeText.toLowerCase().match(/[a-z]{3,30}/g) ?? [];
  const scores = new Map<string, number>();
  for (const word of raw) {
    const [stemmed] = tokenize(word);
    if (!stemmed) continue;
    scores.set(word, (scores.get(word) ?? 0) + idfOf(idf, stemmed));
  }
  const best = [...scores]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, QUERY_WORDS)
    .map(([word]) => word);
  return best.length ? best.join(' | ') : null;
}
