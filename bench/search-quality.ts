/**
 * Search quality on a labelled query set (bench/data/search-queries.json): the demo jobs and the
 * 96 ads of the matching benchmark, searched through the API as a visitor would; nDCG@10 over the
 * queries that have relevant jobs, and how often a query with nothing relevant gets an empty
 * answer; then nDCG@10 of described queries, the written resumes' own words graded by role and
 * occupation. `npm run bench -- --search-only`; skips when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isNull } from 'drizzle-orm';
import { openPglite } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { embedJobs } from '../server/jobs/embedding.ts';
import { createJob } from '../server/jobs/service.ts';
import { createProviders } from '../server/providers.ts';
import { loadDemoData, loadSkillsCatalog } from '../server/seed/seed.ts';
import { inProcessApi } from './api.ts';
import type { BenchAd, BenchResume } from './matching-generate.ts';

const QUERIES = new URL('./data/search-queries.json', import.meta.url);
const ADS = new URL('./data/matching/written.json', import.meta.url);

export interface LabelledQuery {
  q: string;
  kind: string;
  grades: Record<string, number>;
}

interface SearchAnswer {
  result: { data: { items: { id: number }[]; correctedQuery?: string | null } };
}

const gain = (grade: number) => 2 ** grade - 1;
export function ndcgAt(k: number, ranked: number[], allGrades: number[]) {
  const dcg = ranked.slice(0, k).reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  const ideal = [...allGrades]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/**
 * What a seeker might paste into the search box to describe their work: a resume's own words past
 * its first line (a name, a contact) unless it is all there is, headings and contact lines left
 * out, cut at a word within the box's 200 characters.
 */
export function describedQuery(resume: string): string {
  const lines = resume.split('\n');
  // A resume pasted as one line keeps it: its name is a few words of 200 characters.
  const words = (lines.length > 1 ? lines.slice(1) : lines)
    .map((line) => line.replace(/^[-•*>\s]+/, '').trim())
    .filter((line) => line.length > 30 && line !== line.toUpperCase() && !/@|\(\d{3}\)|\d{3}[-. ]\d{4}/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ');
  const cut = words.lastIndexOf(' ', 200);
  return words.length <= 200 ? words : words.slice(0, cut > 0 ? cut : 200);
}

/** The corpus through the product's own write paths: the demo rows, then the ads as employers' jobs. */
export async function buildCorpus(ads: BenchAd[]) {
  const opened = await openPglite();
  const { db, client } = opened;
  const ai = createProviders();
  const now = new Date();
  await db.transaction(async (tx) => {
    const ids = await loadSkillsCatalog(tx);
    await loadDemoData(tx, ids, '!', now);
  });
  const keyOfJob = new Map<number, string>();
  const demo = await client.query<{ id: number; key: string }>(
    `select j.id, e.company_name || ' / ' || j.title as key from jobs j join employers e on e.id = j.employer_id`,
  );
  for (const row of demo.rows) keyOfJob.set(row.id, row.key);

  const pending: Promise<unknown>[] = [];
  const background = (task: () => Promise<unknown>) => void pending.push(task());
  const employerOf = new Map<string, number>();
  for (const occupation of new Set(ads.map((a) => a.occupation))) {
    const { rows } = await client.query<{ id: number }>(
      `insert into users (email, password_hash, user_type) values ($1, '!', 'employer') returning id`,
      [`${occupation}@search-bench.example`],
    );
    await client.query(`insert into employers (id, company_name) values ($1, $2)`, [
      rows[0]!.id,
      `${occupation} employer`,
    ]);
    employerOf.set(occupation, rows[0]!.id);
  }
  for (const ad of ads) {
    const id = await createJob({ db, ai, now, background }, employerOf.get(ad.occupation)!, {
      title: ad.title,
      description: ad.description,
      requirements: ad.requirements,
      location: ad.location,
      status: 'active',
    });
    keyOfJob.set(id, ad.id);
  }
  while (pending.length) await pending.shift();
  const unembedded = await db
    .select({ id: jobs.id, updatedAt: jobs.updatedAt })
    .from(jobs)
    .where(isNull(jobs.embeddedAt));
  await embedJobs(
    db,
    ai.embedder,
    unembedded.map((j) => ({ id: j.id, updatedAt: j.updatedAt! })),
    now,
  );
  return { ...opened, keyOfJob };
}

export async function searchQuality(log: (line: string) => void) {
  if (!existsSync(QUERIES) || !existsSync(ADS)) return log('\n## Search quality: skipped (its data is absent)');
  const { queries } = JSON.parse(readFileSync(QUERIES, 'utf8')) as { queries: LabelledQuery[] };
  const { ads, resumes } = JSON.parse(readFileSync(ADS, 'utf8')) as { ads: BenchAd[]; resumes: BenchResume[] };
  const { db, close, keyOfJob } = await buildCorpus(ads);
  try {
    const known = new Set(keyOfJob.values());
    for (const query of queries)
      for (const key of Object.keys(query.grades))
        if (!known.has(key)) throw new Error(`search-queries.json grades an unknown job: ${key} (${query.q})`);
    const api = await inProcessApi(db);
    const rows: { kind: string; ndcg: number | null; empty: boolean; relevant: boolean }[] = [];
    const misses: string[] = [];
    for (const query of queries) {
      const answer = (await api('jobs.search', { q: query.q, limit: 10 })) as SearchAnswer;
      const ranked = answer.result.data.items.map((item) => query.grades[keyOfJob.get(item.id) ?? ''] ?? 0);
      const relevant = Object.values(query.grades).some((g) => g > 0);
      const ndcg = relevant ? ndcgAt(10, ranked, Object.values(query.grades)) : null;
      rows.push({ kind: query.kind, ndcg, empty: ranked.length === 0, relevant });
      if (ndcg !== null && ndcg < 0.5) misses.push(`${query.q} (${ndcg.toFixed(2)})`);
      if (!relevant && ranked.length) misses.push(`${query.q} (${ranked.length} results)`);
    }
    const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
    const graded = rows.filter((r) => r.ndcg !== null);
    const nothing = rows.filter((r) => !r.relevant);
    log(
      `\n## Search quality: ${queries.length} labelled queries over ${keyOfJob.size} jobs (${graded.length} with relevant jobs, ${nothing.length} with none)`,
    );
    log(`nDCG@10: ${mean(graded.map((r) => r.ndcg!)).toFixed(3)}`);
    for (const kind of [...new Set(graded.map((r) => r.kind))]) {
      const subset = graded.filter((r) => r.kind === kind);
      log(`  ${kind} (${subset.length}): ${mean(subset.map((r) => r.ndcg!)).toFixed(3)}`);
    }
    log(
      `empty when nothing is relevant: ${nothing.filter((r) => r.empty).length}/${nothing.length} (${(100 * mean(nothing.map((r) => (r.empty ? 1 : 0)))).toFixed(0)}%)`,
    );
    log(`empty although something is relevant: ${graded.filter((r) => r.empty).length}/${graded.length}`);
    log(`weakest: ${misses.join('; ') || 'none'}`);
    await describedQuality(api, { ads, resumes, keyOfJob }, log);
  } finally {
    await close();
  }
}

/**
 * Described queries (more than four words), graded without hand labels: each written resume's own
 * words (`describedQuery`) against the ads, an ad of the resume's role 2, of its occupation 1, as
 * the matching benchmark grades them.
 */
async function describedQuality(
  api: Awaited<ReturnType<typeof inProcessApi>>,
  corpus: { ads: BenchAd[]; resumes: BenchResume[]; keyOfJob: Map<number, string> },
  log: (line: string) => void,
) {
  const adOf = new Map(corpus.ads.map((ad) => [ad.id, ad]));
  const scores: number[] = [];
  for (const resume of corpus.resumes.filter((r) => r.source === 'written')) {
    const q = describedQuery(resume.text);
    if (q.split(' ').length <= 4) continue;
    const grade = (ad: BenchAd | undefined) =>
      !ad ? 0 : ad.role === resume.role ? 2 : ad.occupation === resume.occupation ? 1 : 0;
    const answer = (await api('jobs.search', { q, limit: 10 })) as SearchAnswer;
    const ranked = answer.result.data.items.map((item) => grade(adOf.get(corpus.keyOfJob.get(item.id) ?? '')));
    scores.push(ndcgAt(10, ranked, corpus.ads.map(grade)));
  }
  const mean = scores.reduce((sum, x) => sum + x, 0) / scores.length;
  log(
    `described queries (${scores.length} resumes' own words, graded by role and occupation): nDCG@10 ${mean.toFixed(3)}`,
  );
}

/** jobs.search latency over the 5,000-job bench database (cached in bench/.cache after its first build). */
export async function searchLatency(log: (line: string) => void, size = 5_000) {
  const { benchDatabase } = await import('./load.ts');
  const { QUERIES: TYPED } = await import('./dataset.ts');
  const { fmt, time } = await import('./measure.ts');
  log(`\n## jobs.search latency over ${size.toLocaleString('en-US')} jobs`);
  const { db, close } = await benchDatabase(size, log);
  try {
    const api = await inProcessApi(db);
    const typos = ['pyhton', 'nurce', 'acountant', 'wharehouse', 'graphic desinger'];
    const q = (list: readonly string[], i: number) => list[i % list.length]!;
    log(`  hybrid: ${fmt(await time(40, (i) => api('jobs.search', { q: q(TYPED, i) })))}`);
    log(
      `  hybrid, filtered (remote, full-time): ${fmt(await time(40, (i) => api('jobs.search', { q: q(TYPED, i), remoteAllowed: true, employmentType: 'full_time' })))}`,
    );
    log(`  browse newest, by location: ${fmt(await time(40, () => api('jobs.search', { location: 'Boston' })))}`);
    log(`  typos: ${fmt(await time(40, (i) => api('jobs.search', { q: q(typos, i) })))}`);
    const hostile = [
      'x'.repeat(200),
      'qwzx '.repeat(40).slice(0, 199),
      Array.from({ length: 60 }, (_, i) => `w${i}`)
        .join(' ')
        .slice(0, 200),
    ];
    log(
      `  hostile (200 x, 40 unknown words, 60 short words): ${fmt(await time(12, (i) => api('jobs.search', { q: q(hostile, i) })))}`,
    );
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (line: string) => console.log(line);
  if (!process.argv.includes('--latency-only')) await searchQuality(log);
  if (!process.argv.includes('--quality-only')) await searchLatency(log);
}
