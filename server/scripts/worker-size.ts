/**
 * After `wrangler deploy --dry-run --outdir dist/worker --metafile ...` (npm run build): the
 * worker's size, gzip, against the 900 KiB budget of issue 23. The budget holds for what the
 * worker loads at startup; modules under vendor/ (PDF.js) load on first use only and are shown
 * beside it, with the total upload (Cloudflare's own limit is 3 MiB gzip on the free plan).
 * Exits non-zero when the startup modules are over the budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 900;
const folder = process.argv[2] ?? 'dist/worker';
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;

if (!existsSync(folder)) {
  console.error(`worker size: ${folder} does not exist (run wrangler deploy --dry-run --outdir ${folder} first)`);
  process.exit(1);
}

const modules = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(m?js|wasm)$/.test(name))
  .map((name) => {
    const bytes = readFileSync(join(folder, name));
    return { name, lazy: name.startsWith('vendor/'), raw: bytes.length, gzip: gzipSync(bytes).length };
  });
const sum = (list: typeof modules) => list.reduce((total, m) => total + m.gzip, 0);
const atStartup = sum(modules.filter((m) => !m.lazy));

/** Bytes in the main bundle per package, from esbuild's metafile (wrangler's --metafile). */
function largestPackages(metafile: string) {
  if (!existsSync(metafile)) return [];
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const byPackage = new Map<string, number>();
  for (const output of Object.values(meta.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
}

const within = atStartup <= BUDGET_KIB * 1024;
console.log(
  `worker size: ${kib(atStartup)} gzip loaded at startup, budget ${kib(BUDGET_KIB * 1024)}: ${within ? 'within' : 'OVER'}; ` +
    `total upload ${kib(sum(modules))} gzip with the modules loaded on first use`,
);
for (const m of modules)
  console.log(`  ${m.name}: ${kib(m.raw)}, ${kib(m.gzip)} gzip${m.lazy ? ' (loaded on first use)' : ''}`);
const packages = largestPackages(join(folder, 'meta.json'));
if (packages.length)
  console.log(
    `  largest in worker.js (minified): ${packages.map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ')}`,
  );
if (!within) process.exit(1);
