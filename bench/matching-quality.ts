/**
 * Matching quality on the benchmark of bench/data/matching (matching-generate.ts), offline:
 * the product's own path (jobs created with inferred skills and embedded, resumes saved and
 * parsed, matches generated, then read through matches.forMe and matches.candidatesForJob over
 * the API) against a BM25 ranking of the same ads by the same resume text (and of the same
 * resumes by the same ad text), computed in the same run. Paired bootstrap intervals (2,000
 * resamples of resumes, or of jobs for the employer's side) for product minus BM25.
 * `npm run bench -- --matching-only`; skips when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { openPglite } from '../db/client.ts';
import { createProviders } from '../server/providers.ts';
import { createSession } from '../server/auth/sessions.ts';
import { createJob } from '../server/jobs/service.ts';
import { candidateIdOf } from '../server/matching/anonymous.ts';
import { generateMatchesForSeeker } from '../server/matching/generate.ts';
import { loadSkillsCatalog } from '../server/seed/seed.ts';
import { saveResume } from '../server/seekers/resume.ts';
import { inProcessApi } from './api.ts';
import type { BenchAd, BenchResume } from './matching-generate.ts';

const DATA = new URL('./data/matching/', import.meta.url);
const RESAMPLES = 2_000;

interface Grades {
  grade(resumeId: string, adId: string): number;
}

// ---- BM25, the baseline: words lowercased, stop words out, a light stemmer. ----
const STOP = new Set(
  'a an and are as at be by for from has have i in is it its of on or our the their this to was we were will with you your who what when where which while into over per than that them they these those not all any can may more most such also about after before each other out up'.split(
    ' ',
  ),
);
const tokens = (text: string) =>
  (text.toLowerCase().match(/[a-z0-9][a-z0-9+#]*/g) ?? [])
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => w.replace(/(ing|ed|es|s)$/, '') || w);

export function bm25Ranker(documents: { id: string; text: string }[], k1 = 1.2, b = 0.75) {
  const docs = documents.map((d) => {
    const tf = new Map<string, number>();
    const words = tokens(d.text);
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { id: d.id, tf, length: words.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  const idf = (w: string) => Math.log(1 + (docs.length - (df.get(w) ?? 0) + 0.5) / ((df.get(w) ?? 0) + 0.5));
  return (query: string): string[] => {
    const terms = [...new Set(tokens(query))];
    return docs
      .map((d) => ({
        id: d.id,
        score: terms.reduce((s, w) => {
          const f = d.tf.get(w) ?? 0;
          return f ? s + (idf(w) * (f * (k1 + 1))) / (f + k1 * (1 - b + (b * d.length) / avg)) : s;
        }, 0),
      }))
      .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
      .map((d) => d.id);
  };
}

// ---- Metrics over one ranked list of ids and the grades of every candidate. ----
const gain = (g: number) => 2 ** g - 1;
function ndcg(ranked: string[], grades: number[], all: number[], k: number) {
  const dcg = ranked.slice(0, k).reduce((s, _, i) => s + gain(grades[i]!) / Math.log2(i + 2), 0);
  const ideal = [...all]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}
export function rankingMetrics(ranked: string[], gradeOf: (id: string) => number, allIds: string[]) {
  const grades = ranked.map(gradeOf);
  const all = allIds.map(gradeOf);
  const first = grades.findIndex((g) => g > 0);
  return {
    p1: grades[0] ? 1 : 0,
    p5: grades.slice(0, 5).filter((g) => g > 0).length / 5,
    ndcg5: ndcg(ranked, grades, all, 5),
    ndcg10: ndcg(ranked, grades, all, 10),
    mrr: first < 0 ? 0 : 1 / (first + 1),
  };
}
type Metrics = ReturnType<typeof rankingMetrics>;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** 95% percentile interval of mean(a - b) over resamples of the paired units (seeded, so each run agrees). */
export function pairedBootstrap(a: number[], b: number[], resamples = RESAMPLES) {
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const diffs = a.map((x, i) => x - b[i]!);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < diffs.length; i++) sum += diffs[Math.floor(random() * diffs.length)]!;
    means.push(sum / diffs.length);
  }
  means.sort((x, y) => x - y);
  return { diff: mean(diffs), low: means[Math.floor(0.025 * resamples)]!, high: means[Math.floor(0.975 * resamples)]! };
}

export function loadBenchmark() {
  const writtenPath = new URL('written.json', DATA);
  if (!existsSync(writtenPath)) return null;
  const written = JSON.parse(readFileSync(writtenPath, 'utf8')) as { ads: BenchAd[]; resumes: BenchResume[] };
  const nerPath = new URL('resume-ner.json', DATA);
  const ner = existsSync(nerPath) ? (JSON.parse(readFileSync(nerPath, 'utf8')) as BenchResume[]) : [];
  const resumes = [...written.resumes, ...ner];
  const grades: Grades = {
    grade(resumeId, adId) {
      const r = resumes.find((x) => x.id === resumeId)!;
      const a = written.ads.find((x) => x.id === adId)!;
      return r.role !== null && r.role === a.role ? 2 : r.occupation === a.occupation ? 1 : 0;
    },
  };
  return { ads: written.ads, resumes, grades };
}

export const adText = (ad: BenchAd) =>
  `${ad.title}\n${ad.description}\n${[ad.requirements.education, ...(ad.requirements.certifications ?? []), ad.requirements.notes].filter(Boolean).join('\n')}`;

/** The benchmark through the product: jobs created and embedded, resumes saved, matches generated. */
export async function buildThroughProduct(bench: NonNullable<ReturnType<typeof loadBenchmark>>) {
  const { ads, resumes } = bench;
  const { db, client, close } = await openPglite();
  {
    await db.transaction((tx) => loadSkillsCatalog(tx).then(() => undefined));
    const ai = createProviders();
    const now = new Date();
    const pending: Promise<unknown>[] = [];
    const background = (task: () => Promise<unknown>) => void pending.push(task());
    const drain = async () => {
      while (pending.length) await pending.shift();
    };

    const occupations = [...new Set(ads.map((a) => a.occupation))];
    const employerOf = new Map<string, number>();
    for (const occupation of occupations) {
      const { rows } = await client.query<{ id: number }>(
        `insert into users (email, password_hash, user_type) values ($1, '!', 'employer') returning id`,
        [`${occupation}@bench.example`],
      );
      await client.query(`insert into employers (id, company_name) values ($1, $2)`, [
        rows[0]!.id,
        `${occupation} employer`,
      ]);
      employerOf.set(occupation, rows[0]!.id);
    }
    const jobIdOf = new Map<string, number>();
    for (const ad of ads) {
      const id = await createJob({ db, ai, now, background }, employerOf.get(ad.occupation)!, {
        title: ad.title,
        description: ad.description,
        requirements: ad.requirements,
        location: ad.location,
        status: 'active',
      });
      jobIdOf.set(ad.id, id);
    }
    await drain();
    const seekerIdOf = new Map<string, number>();
    for (const resume of resumes) {
      const { rows } = await client.query<{ id: number }>(
        `insert into users (email, password_hash, user_type) values ($1, '!', 'job_seeker') returning id`,
        [`${resume.id}@bench.example`],
      );
      const id = rows[0]!.id;
      // Visible to employers: they are the candidates each job's ranking is measured on (anonymously).
      await client.query(
        `insert into job_seekers (id, first_name, last_name, location, visible_to_employers) values ($1, 'Bench', $2, $3, true)`,
        [id, resume.id, resume.location],
      );
      seekerIdOf.set(resume.id, id);
      await saveResume(
        {
          db,
          ai,
          now,
          background,
          retentionMonths: 24,
          onResumeEmbedded: (seekerId) => generateMatchesForSeeker(db, ai, seekerId, now),
        },
        id,
        resume.text,
      );
      await drain();
    }
    return { db, client, close, now, employerOf, jobIdOf, seekerIdOf, occupations };
  }
}

export async function matchingQuality(log: (line: string) => void) {
  const bench = loadBenchmark();
  if (!bench) return log('\n## Matching quality: skipped (bench/data/matching is absent)');
  const { ads, resumes, grades } = bench;
  const started = performance.now();
  const { db, client, close, now, employerOf, jobIdOf, seekerIdOf, occupations } = await buildThroughProduct(bench);
  try {
    const built = (performance.now() - started) / 1000;

    const api = await inProcessApi(db);
    const adOfJob = new Map([...jobIdOf].map(([ad, job]) => [job, ad]));
    const { rows: keys } = await client.query<{ id: number; candidate_key: string }>(
      'select id, candidate_key from job_seekers',
    );
    const candidateKeyOf = new Map(keys.map((k) => [k.id, k.candidate_key]));
    const adIds = ads.map((a) => a.id);
    const resumeIds = resumes.map((r) => r.id);
    const bm25Ads = bm25Ranker(ads.map((a) => ({ id: a.id, text: adText(a) })));
    const bm25Resumes = bm25Ranker(resumes.map((r) => ({ id: r.id, text: r.text })));

    const seekerRows: { product: Metrics; bm25: Metrics; source: string }[] = [];
    for (const resume of resumes) {
      const cookie = `session=${(await createSession(db, seekerIdOf.get(resume.id)!, now)).token}`;
      const answer = (await api('matches.forMe', { limit: 50 }, cookie)) as {
        result: { data: { items: { jobId: number }[] } };
      };
      const ranked = answer.result.data.items.map((m) => adOfJob.get(m.jobId)!);
      const gradeOf = (adId: string) => grades.grade(resume.id, adId);
      seekerRows.push({
        product: rankingMetrics(ranked, gradeOf, adIds),
        bm25: rankingMetrics(bm25Ads(resume.text), gradeOf, adIds),
        source: resume.source,
      });
    }
    const jobRows: { product: Metrics; bm25: Metrics }[] = [];
    for (const ad of ads) {
      const cookie = `session=${(await createSession(db, employerOf.get(ad.occupation)!, now)).token}`;
      const jobId = jobIdOf.get(ad.id)!;
      const answer = (await api('matches.candidatesForJob', { jobId, minScore: 0 }, cookie)) as {
        result: { data: { candidateId: string }[] };
      };
      const resumeOfCandidate = new Map(
        [...seekerIdOf].map(([r, s]) => [candidateIdOf(candidateKeyOf.get(s)!, jobId), r]),
      );
      const ranked = answer.result.data.map((c) => resumeOfCandidate.get(c.candidateId)!);
      const gradeOf = (resumeId: string) => grades.grade(resumeId, ad.id);
      jobRows.push({
        product: rankingMetrics(ranked, gradeOf, resumeIds),
        bm25: rankingMetrics(bm25Resumes(adText(ad)), gradeOf, resumeIds),
      });
    }
    const { rows: algorithms } = await client.query<{ algorithm_version: string; n: number }>(
      `select algorithm_version, count(*)::int as n from matches group by 1`,
    );
    const { rows: models } = await client.query<{ m: string }>(
      `select distinct resume_embedding_model as m from job_seekers`,
    );

    const f = (x: number) => x.toFixed(3);
    const line = (name: string, rows: { product: Metrics; bm25: Metrics }[], key: keyof Metrics) => {
      const p = rows.map((r) => r.product[key]);
      const b = rows.map((r) => r.bm25[key]);
      const ci = pairedBootstrap(p, b);
      return `| ${name} | ${f(mean(p))} | ${f(mean(b))} | ${ci.diff >= 0 ? '+' : ''}${f(ci.diff)} [${f(ci.low)}, ${f(ci.high)}] |`;
    };
    log(
      `\n## Matching quality: ${resumes.length} resumes (${resumes.filter((r) => r.source === 'written').length} written, ${resumes.filter((r) => r.source === 'resume-ner').length} resume-ner), ${ads.length} ads of ${occupations.length} occupations`,
    );
    log(
      `built through the product in ${built.toFixed(0)} s; algorithm ${algorithms.map((a) => `${a.algorithm_version} (${a.n} matches)`).join(', ')}; embedder ${models.map((m) => m.m).join(', ')}`,
    );
    log('| metric | product | BM25 | product − BM25 [95% paired bootstrap] |');
    log('| --- | --- | --- | --- |');
    for (const key of ['p1', 'p5', 'ndcg10', 'mrr'] as const)
      log(
        line(
          `seeker ${key === 'p1' ? 'P@1' : key === 'p5' ? 'P@5' : key === 'ndcg10' ? 'nDCG@10' : 'MRR'}`,
          seekerRows,
          key,
        ),
      );
    for (const source of ['written', 'resume-ner']) {
      const subset = seekerRows.filter((r) => r.source === source);
      if (subset.length) log(line(`seeker P@5, ${source} only (${subset.length})`, subset, 'p5'));
    }
    log(line('employer nDCG@5 (over jobs)', jobRows, 'ndcg5'));
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await matchingQuality((l) => console.log(l));
