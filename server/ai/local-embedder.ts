/**
 * A deterministic embedder that needs no network: feature hashing of canonical skills, words,
 * word pairs and character trigrams into `dimensions`, then unit length. Related texts share
 * skills and vocabulary, so they land near each other; "k8s" and "Kubernetes" are one feature
 * because skills are canonicalized first. Everything it knows is passed in (the dimension, how
 * to find skills, the IDF table), so it imports no database and no domain, and the same input
 * with the same settings always gives the same vector.
 *
 * local-hash-v1 weighs every word alike; local-hash-v2 weighs words and word pairs by their
 * inverse document frequency in a table frozen with the model name, so "forklift" says more
 * than "experience" and occupations separate.
 */
import type { Embedder } from './types.ts';

export const LOCAL_EMBEDDING_MODEL_V1 = 'local-hash-v1';
export const LOCAL_EMBEDDING_MODEL = 'local-hash-v2';

/** Skills named in a text, canonical names with how often (the skills catalog's lexicon, passed in). */
export type SkillFinder = (text: string, options: { lenient: boolean }) => { name: string; count: number }[];

/** Inverse document frequencies of stemmed words; a word absent from the table counts as rare. */
export interface IdfTable {
  version: string;
  /** Weight of a word the table has never seen. */
  unseen: number;
  weights: Readonly<Record<string, number>>;
}

export interface LocalEmbedderSettings {
  dimensions: number;
  findSkills: SkillFinder;
  /** null: local-hash-v1 (no IDF). */
  idf: IdfTable | null;
}

// Weights: a shared skill says most about fit, a shared word less, a shared trigram least.
const SKILL_WEIGHT = 3;
const WORD_WEIGHT = 1;
const PAIR_WEIGHT = 0.5;
const TRIGRAM_WEIGHT = 0.15;

const STOPWORDS = new Set(
  'a an and are as at be by for from has have i in is it its of on or our the their this to was we were will with you your who what when where which while into over per than that them they these those not all any can may more most such also about after before each other out up down very just only own same so too both few how being been do does did having here there why'.split(
    ' ',
  ),
);

// FNV-1a: fast, stable across runtimes, good enough spread for feature hashing.
function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lowercased, stemmed words without stop words: what the embedder and the IDF table count. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[a-z0-9][a-z0-9+#]*/g) ?? []
  )
    .filter((w) => !STOPWORDS.has(w) && w.length > 1)
    .map(stem);
}

export function idfOf(table: IdfTable, word: string): number {
  return table.weights[word] ?? table.unseen;
}

export function embedLocally(text: string, settings: LocalEmbedderSettings): number[] {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const idf = settings.idf;
  const rarity = (word: string) => (idf ? idfOf(idf, word) : 1);

  // Under IDF a canonical skill counts as the rarest word does, so "k8s" and "Kubernetes" stay one thing.
  const skillRarity = idf ? idf.unseen : 1;
  for (const mention of settings.findSkills(text, { lenient: text.length < 200 })) {
    add(`skill:${mention.name}`, SKILL_WEIGHT * skillRarity * (1 + Math.log(mention.count)));
  }
  const tokens = tokenize(text);
  tokens.forEach((word, i) => {
    add(`w:${word}`, WORD_WEIGHT * rarity(word));
    const next = tokens[i + 1];
    if (next) add(`p:${word} ${next}`, PAIR_WEIGHT * (idf ? Math.sqrt(rarity(word) * rarity(next)) : 1));
    const padded = `#${word}#`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`t:${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT);
  });

  const vector = new Array<number>(settings.dimensions).fill(0);
  for (const [feature, weight] of features) {
    const h = hash32(feature);
    const sign = hash32(feature, 0x1234567) & 1 ? 1 : -1;
    // Sublinear term frequency: the tenth "patient" adds less than the first.
    vector[h % settings.dimensions]! += sign * Math.sqrt(weight);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

export function createLocalEmbedder(settings: LocalEmbedderSettings): Embedder {
  return {
    model: settings.idf ? LOCAL_EMBEDDING_MODEL : LOCAL_EMBEDDING_MODEL_V1,
    async embed(texts) {
      return texts.map((text) => embedLocally(text, settings));
    },
  };
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
