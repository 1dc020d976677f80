export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: samples.length };
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

export async function time(runs: number, body: (i: number) => Promise<unknown>): Promise<Timing> {
  await body(0); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await body(i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

export const fmt = (t: Timing) => `p50 ${t.p50} ms, p95 ${t.p95} ms (n=${t.n})`;
