/**
 * `node --import tsx bench/halfvec.ts [size]`: vector(1536) against halfvec(1536) on the same
 * 20,000 job embeddings: index build time and size, query latency, recall@10 against exact
 * search with full precision. The figures are in docs/decisions/0004.
 */
import { sql } from 'drizzle-orm';
import { embedWithCatalog } from '../server/matching/local-embedding.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { QUERIES } from './dataset.ts';
import { benchDatabase } from './load.ts';
import { fmt, time } from './measure.ts';

const size = Number(process.argv[2] ?? 20_000);
const { db, client, close } = await benchDatabase(size, console.log);
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const lexicon = buildLexicon(SKILLS_CATALOG);
const vectors = QUERIES.map((q) => `[${embedWithCatalog(q, lexicon).join(',')}]`);
const mb = async (relation: string) =>
  (
    (await client.query<{ b: number }>(`select pg_relation_size('${relation}')::float8 as b`)).rows[0]!.b /
    1024 /
    1024
  ).toFixed(1);

await client.exec(`set maintenance_work_mem = '1GB'`);
await client.exec(`alter table jobs add column description_half halfvec(1536)`);
await client.exec(`update jobs set description_half = description_embedding::halfvec(1536)`);
let t = performance.now();
await client.exec(`create index jobs_description_half_hnsw on jobs using hnsw (description_half halfvec_cosine_ops)`);
const halfBuild = (performance.now() - t) / 1000;
await client.exec('analyze jobs');
await client.exec(`drop index jobs_description_embedding_hnsw`);
t = performance.now();
await client.exec(
  `create index jobs_description_embedding_hnsw on jobs using hnsw (description_embedding vector_cosine_ops)`,
);
const fullBuild = (performance.now() - t) / 1000;

async function recall(column: string, cast: string) {
  let hits = 0;
  for (const v of vectors) {
    const approx = await db.transaction(async (tx) => {
      await tx.execute(sql`set local hnsw.ef_search = 40`);
      return rowsOf<{ id: number }>(
        await tx.execute(sql.raw(`select id from jobs order by ${column} <=> '${v}'::${cast} limit 10`)),
      );
    });
    const exact = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      return rowsOf<{ id: number }>(
        await tx.execute(sql.raw(`select id from jobs order by description_embedding <=> '${v}'::vector limit 10`)),
      );
    });
    const truth = new Set(exact.map((r) => r.id));
    hits += approx.filter((r) => truth.has(r.id)).length;
  }
  return (hits / (vectors.length * 10)).toFixed(3);
}

for (const [label, column, cast, index, build] of [
  ['vector(1536)', 'description_embedding', 'vector', 'jobs_description_embedding_hnsw', fullBuild],
  ['halfvec(1536)', 'description_half', 'halfvec', 'jobs_description_half_hnsw', halfBuild],
] as const) {
  const latency = await time(40, (i) =>
    db.execute(
      sql.raw(`select id from jobs order by ${column} <=> '${vectors[i % vectors.length]}'::${cast} limit 10`),
    ),
  );
  console.log(
    `${label}: index built in ${build.toFixed(1)} s, index ${await mb(index)} MB, top-10 ${fmt(latency)}, recall@10 vs exact ${await recall(column, cast)}`,
  );
}
await close();
