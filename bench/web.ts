/** The web app's budget: bundle sizes from the build, Largest Contentful Paint in Chromium. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../test/helpers/chromium.ts';
import { startNodeServer } from '../test/helpers/server.ts';

const DIST = new URL('../dist/web/', import.meta.url);

async function gzipSize(file: string) {
  return gzipSync(await readFile(new URL(file, DIST))).length;
}

/** A chunk with the chunks it imports statically: what loading it costs. */
async function closure(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = await readFile(new URL(entry, DIST), 'utf8');
  for (const match of code.matchAll(/(?:^|[;{}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    await closure(`assets/${match[1]}`, seen);
  return seen;
}

/**
 * What the browser receives for the landing page's JavaScript: the brotli files the Node entry
 * serves (made at build), or the raw bytes when a file has none (under 1 KB).
 */
export async function landingJsOnTheWire() {
  const html = await readFile(new URL('index.html', DIST), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)![1]!;
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  const files = new Set([...preloads, ...(await closure(entry))]);
  let raw = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = await readFile(new URL(file, DIST));
    raw += bytes.length;
    brotli += existsSync(new URL(`${file}.br`, DIST)) ? brotliCompressSync(bytes).length : bytes.length;
  }
  return { rawKb: raw / 1024, brotliKb: brotli / 1024 };
}

export async function bundleSizes() {
  const html = await readFile(new URL('index.html', DIST), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)![1]!;
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  const initial = new Set<string>([...preloads]);
  for (const file of await closure(entry)) initial.add(file);
  const initialBytes = (await Promise.all([...initial].map(gzipSize))).reduce((a, b) => a + b, 0);
  const routes: Record<string, number> = {};
  for (const file of await readdir(new URL('assets/', DIST))) {
    if (!file.endsWith('.js') || `assets/${file}` === entry) continue;
    const files = await closure(`assets/${file}`, new Set(initial));
    routes[file.replace(/-[\w-]{8}\.js$/, '')] =
      initialBytes +
      (await Promise.all([...files].filter((f) => !initial.has(f)).map(gzipSize))).reduce((a, b) => a + b, 0);
  }
  return {
    initialKb: initialBytes / 1024,
    routesKb: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, v / 1024])),
  };
}

export async function largestContentfulPaint(paths: string[]) {
  const server = await startNodeServer({ SEED_DEMO_DATA: 'true' }, { startupMs: 240_000 });
  const browser = await launchChromium();
  const results: Record<string, number[]> = {};
  try {
    for (const path of paths) {
      results[path] = [];
      for (let run = 0; run < 5; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        const lcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: 'largest-contentful-paint', buffered: true });
            }),
        );
        results[path]!.push(lcp);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.remove();
  }
  return results;
}
