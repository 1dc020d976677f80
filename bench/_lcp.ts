import { largestContentfulPaint } from './web.ts';
const lcp = await largestContentfulPaint(['/', '/jobs?q=nurse', '/jobs/1']);
for (const [path, samples] of Object.entries(lcp)) {
  const sorted = samples.sort((a, b) => a - b);
  console.log(`LCP ${path}: median ${Math.round(sorted[2]!)} ms, worst ${Math.round(sorted.at(-1)!)} ms`);
}
