import { readFileSync } from 'node:fs';
import { loadBenchmark, rankingMetrics } from '../bench/matching-quality.ts';
type F = { cover: number; resume: string; ad: string; semantic: number; skills: number | null; location: number; confidence: number; lexical: number; titleMatch: number; grade: number };
const bench = loadBenchmark()!;
import { resumeCoverage } from '../server/matching/text-signals.ts';
const f = (JSON.parse(readFileSync('/tmp/mq/features2.json', 'utf8')) as F[]).map((x) => ({ ...x, cover: resumeCoverage(bench.resumes.find((r) => r.id === x.resume)!.text, bench.ads.find((a) => a.id === x.ad)!) }));
const adIds = bench.ads.map((a) => a.id);
const resumeIds = bench.resumes.map((r) => r.id);
const byResume = new Map<string, F[]>(); const byAd = new Map<string, F[]>();
for (const x of f) { byResume.set(x.resume, [...(byResume.get(x.resume) ?? []), x]); byAd.set(x.ad, [...(byAd.get(x.ad) ?? []), x]); }
const ner = new Set(bench.resumes.filter((r) => r.source === 'resume-ner').map((r) => r.id));
export function evaluate(score: (x: F) => number) {
  let p5 = 0, n10 = 0, p5ner = 0, e5 = 0, n = 0, nn = 0;
  for (const id of resumeIds) {
    const xs = (byResume.get(id) ?? []).map((x) => ({ x, s: score(x) })).sort((a, b) => b.s - a.s || a.x.ad.localeCompare(b.x.ad));
    const m = rankingMetrics(xs.map((y) => y.x.ad), (ad) => bench.grades.grade(id, ad), adIds);
    p5 += m.p5; n10 += m.ndcg10; n++; if (ner.has(id)) { p5ner += m.p5; nn++; }
  }
  for (const ad of adIds) {
    const xs = (byAd.get(ad) ?? []).map((x) => ({ x, s: score(x) })).sort((a, b) => b.s - a.s || a.x.resume.localeCompare(b.x.resume));
    e5 += rankingMetrics(xs.map((y) => y.x.resume), (r) => bench.grades.grade(r, ad), resumeIds).ndcg5;
  }
  return `P@5 ${(p5 / n).toFixed(3)} nDCG@10 ${(n10 / n).toFixed(3)} nerP@5 ${(p5ner / nn).toFixed(3)} emp ${(e5 / adIds.length).toFixed(3)}`;
}
const v1 = (x: F) => (x.skills === null ? 0.9 * x.semantic + 0.1 * x.location : 0.45 * x.semantic + 0.45 * x.skills + 0.1 * x.location);
console.log('v1      ', evaluate(v1));
console.log('sem     ', evaluate((x) => x.semantic));
console.log('lex     ', evaluate((x) => x.lexical));
console.log('title   ', evaluate((x) => x.titleMatch + 0.01 * x.semantic));
console.log('v1+conf ', evaluate((x) => (x.skills === null ? 0.9 * x.semantic + 0.1 * x.location : 0.45 * x.semantic + 0.45 * x.confidence * x.skills + 0.45 * (1 - x.confidence) * x.semantic + 0.1 * x.location)));
const LOC = Number(process.env.LOC ?? 0.1);
console.log('cover   ', evaluate((x) => x.cover));
{ const v=f.map(x=>x.cover).sort((a,b)=>a-b); console.log('cover q', [0.1,0.5,0.9,0.99].map(p=>v[Math.floor(p*v.length)]!.toFixed(3)).join('/')); }
const LS = Number(process.env.LS ?? 0.2), CS = Number(process.env.CS ?? 0.05);
for (const [ws, wl, wt, wk, wloc] of [[0.1, 0.6, 0.1, 0.1, 0.1], [0.1, 0.7, 0.05, 0.05, 0.1], [0.1, 0.65, 0.1, 0.1, 0.05], [0.05, 0.75, 0.05, 0.05, 0.1], [0.15, 0.6, 0.1, 0.05, 0.1], [0.1, 0.7, 0.1, 0.05, 0.05], [0.2, 0.5, 0.1, 0.1, 0.1], [0.2, 0.6, 0.05, 0.1, 0.05], [0.25, 0.6, 0.05, 0.05, 0.05]] as const) {
  const score = (x: F) => {
    const lex = 0.5 * x.lexical / (x.lexical + LS) + 0.5 * x.cover / (x.cover + CS);
    const k = x.skills === null ? 0 : wk * x.confidence;
    const texts = ws + wl + wt;
    return (texts + wk - k) * (ws * x.semantic + wl * lex + wt * x.titleMatch) / texts + k * (x.skills ?? 0) + wloc * x.location;
  };
  console.log(ws, wl, wt, wk, wloc, evaluate(score));
}
for (const [a, tb, kb, lb] of [[0.3, 0.2, 0.1, 0.05], [0.3, 0.3, 0.1, 0.05], [0.2, 0.2, 0.1, 0.05], [0.5, 0.2, 0.1, 0.05], [0.3, 0.2, 0.2, 0.05], [0.3, 0.2, 0.1, 0.1], [0.3, 0.1, 0.05, 0.05]] as const) {
  const score = (x: F) => {
    const lex = 0.5 * x.lexical / (x.lexical + LS) + 0.5 * x.cover / (x.cover + CS);
    return lex * (a + x.semantic) * (1 + tb * x.titleMatch) * (1 + kb * x.confidence * (x.skills ?? 0)) * (1 - lb + lb * x.location);
  };
  console.log('prod', a, tb, kb, lb, evaluate(score));
}
for (const [ws, wl, wt, wk, wloc] of [[0.1, 0.65, 0.1, 0.1, 0.05], [0.15, 0.6, 0.1, 0.1, 0.05], [0.1, 0.6, 0.15, 0.1, 0.05], [0.1, 0.7, 0.1, 0.05, 0.05]] as const) {
  const score = (x: F) => {
    const lex = 0.5 * 1.4 * x.lexical / (x.lexical + 0.4) + 0.5 * 1.1 * x.cover / (x.cover + 0.1);
    const k = x.skills === null ? 0 : wk * x.confidence;
    const texts = ws + wl + wt;
    return (texts + wk - k) * (ws * x.semantic + wl * lex + wt * x.titleMatch) / texts + k * (x.skills ?? 0) + wloc * x.location;
  };
  console.log('final', ws, wl, wt, wk, wloc, evaluate(score));
}
console.log('geo', evaluate((x) => Math.sqrt(x.lexical * x.cover)));
console.log('geo+t', evaluate((x) => Math.sqrt(x.lexical * x.cover) * (1 + 0.3 * x.titleMatch)));
console.log('geo+s', evaluate((x) => Math.sqrt(x.lexical * x.cover) * (1 + 0.3 * x.titleMatch) * (0.5 + x.semantic)));
console.log('geo+s2', evaluate((x) => Math.sqrt(x.lexical * x.cover) * (0.5 + x.semantic)));
console.log('lex*sem', evaluate((x) => x.lexical * (0.3 + x.semantic)));
console.log('sum-n', evaluate((x) => x.lexical / 0.4 + x.cover / 0.1));
console.log('geo+s+loc', evaluate((x) => Math.sqrt(x.lexical * x.cover) * (1 + 0.3 * x.titleMatch) * (0.5 + x.semantic) * (0.9 + 0.1 * x.location)));
{
  let have = 0, all = 0, have2 = 0, all2 = 0;
  for (const r of bench.resumes) {
    const present = new Set((byResume.get(r.id) ?? []).map((x) => x.ad));
    for (const a of bench.ads) { const g = bench.grades.grade(r.id, a.id); if (g > 0) { all++; if (present.has(a.id)) have++; } if (g === 2) { all2++; if (present.has(a.id)) have2++; } }
  }
  console.log('relevant ads among candidates', (have / all).toFixed(3), 'grade 2', (have2 / all2).toFixed(3));
}
