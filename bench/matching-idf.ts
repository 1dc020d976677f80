/**
 * Builds the frozen IDF table of the local-hash-v2 embedder and of blend-v2's lexical and title
 * signals (server/matching/idf-v2.ts): `npx tsx bench/matching-idf.ts`. The corpus is kept apart
 * from the benchmark: the resume-ner resumes the benchmark does NOT use (lawyers, marketers,
 * administrators... whose title places them in none of its occupations), the demo jobs and the
 * demo resumes. A word seen in fewer than 2 documents is left out and counts as unseen (rare).
 * The table is data: rebuilding it changes scores, so a new table is a new model and algorithm.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tokenize } from '../server/ai/local-embedder.ts';
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { DEMO_SEEKERS } from '../server/seed/demo-seekers.ts';
import { classifyDesignation } from './matching-generate.ts';

const ZIP = new URL('../../shared/data/resume-ner/545_cvs_train_v2.zip', import.meta.url);
if (!existsSync(ZIP)) {
  console.log('resume-ner is absent: kept server/matching/idf-v2.ts as committed');
  process.exit(0);
}
const documents: string[] = [];
for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(ZIP))))) {
  if (!path.endsWith('.xml')) continue;
  const xml = strFromU8(bytes);
  const designation = /<label type="Designation">([\s\S]*?)<\/label>/.exec(xml)?.[1] ?? '';
  if (classifyDesignation(designation.replace(/&amp;/g, '&'))) continue; // in the benchmark
  documents.push(xml.replace(/<[^>]+>/g, ' '));
}
const outside = documents.length;
for (const employer of DEMO_EMPLOYERS)
  for (const job of employer.jobs) documents.push(`${job.title}\n${job.description}`);
for (const seeker of DEMO_SEEKERS) documents.push(seeker.resume);

const df = new Map<string, number>();
for (const text of documents) for (const word of new Set(tokenize(text))) df.set(word, (df.get(word) ?? 0) + 1);
const n = documents.length;
const idf = (count: number) => Math.round(Math.log((n + 1) / (count + 0.5)) * 1000) / 1000;
const weights = Object.fromEntries(
  [...df]
    .filter(([word, count]) => count >= 2 && !/^\d+$/.test(word))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([word, count]) => [word, idf(count)]),
);
const body = `/**
 * The frozen IDF table of local-hash-v2 and blend-v2 (built by bench/matching-idf.ts from ${n}
 * documents: ${outside} resume-ner resumes outside the matching benchmark, the demo jobs and the
 * demo resumes). Generated: never edit by hand; a new table is a new model and algorithm name.
 */
import type { IdfTable } from '../ai/local-embedder.ts';

export const IDF_V2: IdfTable = {
  version: 'v2',
  unseen: ${idf(1)},
  weights: ${JSON.stringify(weights)},
};
`;
writeFileSync(new URL('../server/matching/idf-v2.ts', import.meta.url), body);
console.log(`IDF over ${n} documents, ${Object.keys(weights).length} words`);
