/**
 * `npm run bench -- --hostile-only`: the adversarial inputs of issue 15, timed exactly.
 * Board HTML to text (linear scan) against the patterns it replaced, and the resume thread
 * pool: how long the worst upload takes to be stopped and how late the event loop ran meanwhile.
 */
import { htmlToText } from '../server/webhooks/html.ts';
import { createResumePool, DEFAULT_RESUME_POOL } from '../server/workers/resume-pool.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';

/** The tag patterns htmlToText used before issue 15, for the "before" figures. */
const regexStripTags = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|ul|ol|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '');

function ms(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Runs `work` while measuring the longest delay of a 10 ms timer: how long the event loop was held. */
async function withLoopLag<T>(work: () => Promise<T>): Promise<{ result: T | Error; ms: number; maxLagMs: number }> {
  let maxLagMs = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    maxLagMs = Math.max(maxLagMs, performance.now() - expected);
    expected = performance.now() + 10;
  }, 10);
  const started = performance.now();
  const result = await work().catch((error: Error) => error);
  const elapsed = performance.now() - started;
  clearInterval(timer);
  return { result, ms: elapsed, maxLagMs };
}

export async function hostileInputs(log: (line: string) => void) {
  log('\n## Hostile inputs (issue 15)');
  const cases: [string, string][] = [
    ['160,000 `<`', '<'.repeat(160_000)],
    ['100,000 unclosed `<script>`', '<script>'.repeat(100_000)],
    ['300,000 `<li`', '<li'.repeat(300_000)],
    ['1 MB of `<`', '<'.repeat(1024 * 1024)],
  ];
  for (const [name, html] of cases) log(`board HTML to text, ${name}: ${ms(() => htmlToText(html)).toFixed(1)} ms`);
  for (const n of [10_000, 20_000]) {
    log(
      `  before (regex), ${n.toLocaleString('en-US')} \`<\`: ${ms(() => regexStripTags('<'.repeat(n))).toFixed(0)} ms; now ${ms(() => htmlToText('<'.repeat(n))).toFixed(1)} ms`,
    );
  }

  const pool = createResumePool();
  try {
    await pool.extractText(new TextEncoder().encode('warm-up: Sam Lee, nurse, Boston, five years of pediatrics.'));
    const text = `Sam Lee${' '.repeat(59_990)}x`;
    const extract = await withLoopLag(() => pool.extractText(new TextEncoder().encode(text)));
    log(
      `resume pool, 60,000-character worst case, text extraction: ${extract.ms.toFixed(0)} ms (${extract.result instanceof Error ? extract.result.message : 'read'}); event loop held at most ${extract.maxLagMs.toFixed(0)} ms`,
    );
    const parse = await withLoopLag(() => pool.localParser.parse(text, buildLexicon([])));
    log(
      `resume pool, the same text through the local parser: ${parse.ms.toFixed(0)} ms (${parse.result instanceof Error ? parse.result.message : 'parsed'}); event loop held at most ${parse.maxLagMs.toFixed(0)} ms; deadline ${DEFAULT_RESUME_POOL.deadlineMs} ms per step`,
    );
  } finally {
    await pool.close();
  }
}
