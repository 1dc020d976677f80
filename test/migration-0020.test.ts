/**
 * Migration 0020 (the requirements embedding's HNSW index dropped, issue 23): no statement orders
 * by that embedding, so the index only cost writes and builds. Rolled back one version the index
 * is back as migration 0001 made it, and forward again it is gone, the embeddings untouched.
 */
import { readdir, readFile } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.ts';
import { rollBackThrough } from './helpers/migrations.ts';
import { createTestApp } from './helpers/app.ts';

it('rolls back one version and forward again, the embeddings untouched', async () => {
  const t = await createTestApp({ fresh: true });
  try {
    await t.pg.exec(`
      insert into users (id, email, password_hash, user_type) overriding system value values (900, 'e@example.com', 'x', 'employer');
      insert into employers (id, company_name) values (900, 'E');
      insert into jobs (employer_id, title, description, status, description_embedding, requirements_embedding)
        values (900, 'Nurse', 'Care.', 'active', array_fill(0.5, array[1536])::vector, array_fill(0.25, array[1536])::vector);`);
    const index = async () =>
      (
        await t.pg.query<{ d: string }>(
          `select indexdef as d from pg_indexes where indexname = 'jobs_requirements_embedding_hnsw'`,
        )
      ).rows;
    const embeddings = async () =>
      (await t.pg.query(`select md5(description_embedding::text) d, md5(requirements_embedding::text) r from jobs`))
        .rows;
    const before = await embeddings();
    expect(await index()).toEqual([]);

    await rollBackThrough(t.pg, '0020_drop_requirements_embedding_index');
    expect((await index())[0]?.d).toMatch(/USING hnsw \(requirements_embedding vector_cosine_ops\)/);
    expect(await embeddings()).toEqual(before);

    await migrate(drizzle(t.pg), { migrationsFolder: MIGRATIONS_FOLDER });
    expect(await index()).toEqual([]);
    expect(await embeddings()).toEqual(before);
  } finally {
    await t.close();
  }
}, 180_000);

it('leaves no statement that orders by the requirements embedding (the index it would need is gone)', async () => {
  const files = (await readdir(new URL('../server/', import.meta.url), { recursive: true })).filter((f) =>
    f.endsWith('.ts'),
  );
  const ordering: string[] = [];
  for (const file of files) {
    const source = await readFile(new URL(`../server/${file}`, import.meta.url), 'utf8');
    if (/order by[^;`]*?requirements_embedding\s*<=>/is.test(source)) ordering.push(file);
  }
  expect(files.length).toBeGreaterThan(20);
  expect(ordering).toEqual([]);
});
