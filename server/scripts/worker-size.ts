/**
 * After `wrangler deploy --dry-run --outdir dist/worker` (npm run build): the worker's size as
 * Cloudflare counts it (every module, gzip), against the 900 KiB budget of issue 23, with the
 * biggest packages inside it from the bundle's source map. Exits non-zero only when the folder is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 900;
const folder = process.argv[2] ?? 'dist/worker';
const kib = (bytes: number) => bytes / 1024;

if (!existsSync(folder)) {
  console.error(`worker size: ${folder} does not exist (run wrangler deploy --dry-run --outdir ${folder} first)`);
  process.exit(1);
}

const modules = readdirSync(folder).filter((name) => /\.(m?js|wasm)$/.test(name));
const sizes = modules.map((name) => {
  const bytes = readFileSync(join(folder, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
});
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);

/** Raw bytes per package of the main bundle, from its source map (sourcesContent lengths). */
function biggestPackages(mapPath: string) {
  if (!existsSync(mapPath)) return [];
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  const byPackage = new Map<string, number>();
  map.sources.forEach((source, i) => {
    const name =
      source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? source.replace(/^(\.\.\/)+/, '').split('/')[0]!;
    byPackage.set(name, (byPackage.get(name) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5);
}

const verdict = total <= BUDGET_KIB * 1024 ? 'within' : 'OVER';
console.log(
  `worker size: ${kib(total).toFixed(0)} KiB gzip (${modules.length} modules), budget ${BUDGET_KIB} KiB: ${verdict}`,
);
for (const s of sizes) console.log(`  ${s.name}: ${kib(s.raw).toFixed(0)} KiB, ${kib(s.gzip).toFixed(0)} KiB gzip`);
const packages = biggestPackages(join(folder, 'worker.js.map'));
if (packages.length)
  console.log(
    `  largest sources (unminified): ${packages.map(([name, bytes]) => `${name} ${kib(bytes).toFixed(0)} KiB`).join(', ')}`,
  );
