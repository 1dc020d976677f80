/**
 * Search at scale (issue 23): the semantic stage walks the HNSW index even where the planner's
 * estimate would scan every job, from a point leaning on the query's best word matches; the
 * vocabulary of typo correction is searched only for words not in it that match nothing; the
 * query is embedded outside its transaction; a place is found through the location trigrams.
 * Read from Postgres's own counters and the statements the search sends.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import * as schema from '../db/schema.ts';
import { searchJobs } from '../server/jobs/search.ts';
import { beginNearestScan, matchesJobWords, nearestJobs, rankOfJobWords } from '../server/jobs/search-semantic.ts';
import { visibleToSeekers } from '../server/jobs/service.ts';
import { searchJobsInput } from '../server/jobs/schemas.ts';
import { rowsOf } from '../server/sql-helpers.ts';
import { createCatalogEmbedder, embedWithCatalog } from '../server/matching/local-embedding.ts';
import { createTestDatabase } from './helpers/db.ts';

let opened: Awaited<ReturnType<typeof createTestDatabase>>;
const WORDS = ['nurse', 'welder', 'teacher', 'accountant', 'driver', 'chef', 'designer', 'engineer'];

beforeAll(async () => {
  opened = await createTestDatabase();
  const { client } = opened;
  await client.exec(`insert into users (email, password_hash, user_type) values ('e@example.com', 'x', 'employer');
    insert into employers (id, company_name) select id, 'Acme' from users;`);
  for (let i = 0; i < 200; i++) {
    const title = `${WORDS[i % WORDS.length]} ${i}`;
    const description = `Work as a ${WORDS[(i * 3) % WORDS.length]} with a ${WORDS[(i * 5) % WORDS.length]} team, shift ${i}.`;
    await client.query(
      `insert into jobs (employer_id, title, description, description_embedding) select id, $1, $2, $3::vector from users`,
      [title, description, `[${embedWithCatalog(`${title}\n${description}`).join(',')}]`],
    );
  }
  await client.exec('analyze');
}, 120_000);
afterAll(() => opened?.close());

const indexScans = (index: string) => indexScansIn(opened.client, index);

async function indexScansIn(client: typeof opened.client, index: string): Promise<number> {
  await client.query('select pg_stat_force_next_flush()');
  const { rows } = await client.query<{ scans: number }>(
    `select idx_scan::int as scans from pg_stat_user_indexes where indexrelname = $1`,
    [index],
  );
  return rows[0]?.scans ?? 0;
}

/** Reads of a table, by any path (a small one is scanned, not searched by its index). */
async function tableReads(table: string): Promise<number> {
  await opened.client.query('select pg_stat_force_next_flush()');
  const { rows } = await opened.client.query<{ reads: number }>(
    `select (seq_scan + coalesce(idx_scan, 0))::int as reads from pg_stat_user_tables where relname = $1`,
    [table],
  );
  return rows[0]?.reads ?? 0;
}

const search = (q: string) =>
  searchJobs({ db: opened.db, embedder: createCatalogEmbedder(), now: new Date() }, searchJobsInput.parse({ q }));

it('walks the HNSW index for the meaning of a query over a small table (200 jobs)', async () => {
  const before = await indexScans('jobs_description_embedding_hnsw');
  const answer = await search('nurse');
  expect(answer.items.length).toBeGreaterThan(0);
  expect(await indexScans('jobs_description_embedding_hnsw')).toBeGreaterThan(before);
});

it('walks from the query leaning on its best text hits, through the index', async () => {
  // A query near nothing in particular: the jobs it lands near are the ones its seeds are near.
  const vector = embedWithCatalog('zzqx');
  const where = visibleToSeekers(new Date());
  const { rows } = await opened.client.query<{ id: number }>(`select id from jobs where title = 'welder 1'`);
  const seed = rows[0]!.id;
  const nearest = (seedIds: number[]) =>
    opened.db.transaction((tx) => nearestJobs(tx, { where, vector, seeds: seedIds, query: 'zzqx', limit: 5 }));
  const before = await indexScans('jobs_description_embedding_hnsw');
  const leaning = await nearest([seed]);
  expect(await indexScans('jobs_description_embedding_hnsw')).toBeGreaterThan(before);
  const titles = async (found: { id: number }[]) =>
    (
      await opened.client.query<{ title: string }>(
        `select title from jobs where id = any($1::int[]) order by array_position($1::int[], id)`,
        [found.map((r) => r.id)],
      )
    ).rows.map((r) => r.title);
  // Its neighbours now are the seed's: welders (jobs 1, 9, 17, ... share its description's words).
  expect(leaning.map((r) => r.id)).toContain(seed);
  expect((await titles(leaning)).every((title) => title.startsWith('welder '))).toBe(true);
  const alone = await nearest([]);
  expect(alone.map((r) => r.id)).not.toContain(seed);
  // A seed that is not there leaves the query's own direction (avg over no embedding is null).
  expect((await nearest([2_000_000])).map((r) => r.id)).toEqual(alone.map((r) => r.id));
});

it("leans a described query on the best word matches among its own nearest jobs, in one walk's statement", async () => {
  const vector = embedWithCatalog('zzqx');
  const where = visibleToSeekers(new Date());
  const matching = (words: string) => sql`plainto_tsquery('english', ${words})`;
  const nearest = (words: string) =>
    opened.db.transaction((tx) =>
      nearestJobs(tx, {
        where,
        vector,
        seeds: { matching: matching(words), among: 200, within: where },
        query: 'zzqx',
        limit: 5,
      }),
    );
  const titles = async (found: { id: number }[]) =>
    (
      await opened.client.query<{ title: string }>(`select title from jobs where id = any($1::int[])`, [
        found.map((r) => r.id),
      ])
    ).rows.map((r) => r.title);
  // The welders among its neighbours lend it their meaning: it lands among welders.
  expect((await titles(await nearest('welder'))).every((title) => title.startsWith('welder '))).toBe(true);
  expect((await titles(await nearest('chef'))).every((title) => title.startsWith('chef '))).toBe(true);
  // Words that match none of them leave the query's own direction.
  const alone = await opened.db.transaction((tx) =>
    nearestJobs(tx, { where, vector, seeds: [], query: 'zzqx', limit: 20 }),
  );
  expect((await nearest('qqqzzz')).map((r) => r.id)).toEqual(alone.slice(0, 5).map((r) => r.id));
  // Only its `among` nearest lend: a job beyond them (each job's number is its own word) does not.
  const nearIds = new Set(alone.map((r) => r.id));
  const { rows } = await opened.client.query<{ id: number; title: string }>(`select id, title from jobs order by id`);
  const far = rows.find((row) => !nearIds.has(row.id))!;
  const number = far.title.split(' ')[1]!;
  const leaningOn = (among: number) =>
    opened.db.transaction((tx) =>
      nearestJobs(tx, {
        where,
        vector,
        seeds: { matching: matching(number), among, within: where },
        query: 'zzqx',
        limit: 5,
      }),
    );
  expect((await leaningOn(20)).map((r) => r.id)).toEqual(alone.slice(0, 5).map((r) => r.id));
  expect((await leaningOn(200)).map((r) => r.id)).toContain(far.id);
});

it('answers a described query from its nearest jobs, those its words match ranked by them as well', async () => {
  const answer = await search('I have worked as a welder on a busy team for many years');
  expect(answer.items.length).toBeGreaterThan(0);
  expect(answer.items.every((item) => item.matchedBy.includes('meaning'))).toBe(true);
  expect(answer.items[0]!.matchedBy).toEqual(['text', 'meaning']);
  expect(answer.items[0]!.title).toMatch(/^welder /);
});

it('embeds a query outside its transaction, looks up its spelling with its settings, and embeds a corrected one again before a second', async () => {
  const steps: string[] = [];
  const kindOf = (query: string) =>
    query.includes('plan_cache_mode')
      ? query.includes('search_vocabulary')
        ? 'settings and spelling'
        : 'settings'
      : query.includes('search_vocabulary')
        ? 'spelling'
        : query.includes('title_hits')
          ? 'text'
          : query.includes('<=>')
            ? 'nearest'
            : query.includes('ts_headline')
              ? 'page'
              : 'other';
  // PGlite sends a transaction's begin and commit itself, unseen by drizzle's logger.
  const pg = opened.client;
  const client = {
    query: pg.query.bind(pg),
    exec: pg.exec.bind(pg),
    transaction: async (body: Parameters<typeof pg.transaction>[0]) => {
      steps.push('begin');
      const result = await pg.transaction(body);
      steps.push('commit');
      return result;
    },
  } as unknown as typeof pg;
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query) => steps.push(kindOf(query)) },
  }) as unknown as Database;
  const catalog = createCatalogEmbedder();
  const embedder = {
    ...catalog,
    embed: (texts: string[]) => {
      steps.push('embed');
      return catalog.embed(texts);
    },
  };
  const stepsOf = async (q: string) => {
    steps.length = 0;
    await searchJobs({ db, embedder, now: new Date() }, searchJobsInput.parse({ q }));
    return steps.filter((step) => step !== 'other');
  };
  expect(await stepsOf('welder')).toEqual([
    'embed',
    'begin',
    'settings and spelling',
    'text',
    'nearest',
    'commit',
    'page',
  ]);
  expect(await stepsOf('wleder')).toEqual([
    'embed',
    'begin',
    'settings and spelling',
    'commit',
    'embed',
    'begin',
    'settings',
    'text',
    'nearest',
    'commit',
    'page',
  ]);
});

it('searches the typo vocabulary for near words only when a word is not in it and matches nothing', async () => {
  const readsFor = async (q: string) => {
    const before = await tableReads('search_vocabulary');
    await search(q);
    return (await tableReads('search_vocabulary')) - before;
  };
  // A word of the vocabulary is found in it (one read) and nothing near it is looked for.
  expect(await readsFor('welder')).toBe(1);
  expect(await readsFor('wleder')).toBe(2);
});

it('asks the index for 30 nearest jobs for typed words, and for a description 100, or 50 under a filter (its walk passes the jobs filtered out)', async () => {
  const limits: unknown[] = [];
  const db = drizzle(opened.client, {
    schema,
    logger: { logQuery: (query, params) => query.includes('<=>') && limits.push(params.at(-1)) },
  }) as unknown as Database;
  const limitsOf = async (input: object) => {
    limits.length = 0;
    await searchJobs({ db, embedder: createCatalogEmbedder(), now: new Date() }, searchJobsInput.parse(input));
    return [...limits];
  };
  const described = 'I have worked as a welder on a busy team for many years';
  expect(await limitsOf({ q: 'nurse' })).toEqual([30]);
  expect(await limitsOf({ q: 'nurse', remoteAllowed: false })).toEqual([30]);
  expect(await limitsOf({ q: 'nurse', employmentType: 'full_time', salaryMin: 10_000 })).toEqual([30]);
  expect(await limitsOf({ q: described })).toEqual([100]);
  expect(await limitsOf({ q: described, remoteAllowed: false })).toEqual([50]);
});

it('finds a place through the location trigrams (a substring no b-tree serves)', async () => {
  // Its own database, with enough jobs elsewhere (and text long enough to fill pages) that the
  // planner prefers the index to reading the table.
  const own = await createTestDatabase();
  try {
    await own.client.exec(`insert into users (email, password_hash, user_type) values ('e@example.com', 'x', 'employer');
      insert into employers (id, company_name) select id, 'Acme' from users;
      insert into jobs (employer_id, title, description, location)
        select 1, 'Nurse ' || n, repeat('Care for patients on a busy ward. ', 40), case when n % 100 = 0 then 'Boston, MA' else 'Place ' || n end
        from generate_series(1, 5000) n;
      analyze`);
    const before = await indexScansIn(own.client, 'jobs_location_trgm');
    const browsed = await searchJobs(
      { db: own.db, embedder: createCatalogEmbedder(), now: new Date() },
      searchJobsInput.parse({ q: '', location: 'ston, m' }),
    );
    expect(await indexScansIn(own.client, 'jobs_location_trgm')).toBeGreaterThan(before);
    expect(browsed.total).toBe(50);
    expect(browsed.facets.location).toEqual([{ value: 'Boston, MA', count: 50 }]);
  } finally {
    await own.close();
  }
});

it('plans the text and nearest stages for the words searched, never from a kept generic plan', async () => {
  // PGlite keeps plans by statement text (decision 0016); a generic plan for these took p95 from 18 to 61 ms.
  const plans = async () =>
    new Map(
      (
        await opened.client.query<{ statement: string; generic: number; custom: number }>(
          `select statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
           where statement like '%json_agg(json_build_array(f.id%'`,
        )
      ).rows.map((row) => [row.statement, row]),
    );
  const before = await plans();
  const described = WORDS.map((word) => `I have worked as a ${word} on a busy team for years`);
  for (const q of [...WORDS, ...WORDS, ...described]) await search(q);
  const runs = [...(await plans()).values()].map((row) => ({
    kind: row.statement.includes('first_walk')
      ? 'described'
      : row.statement.includes('title_hits')
        ? 'text'
        : 'nearest',
    generic: row.generic,
    custom: row.custom - (before.get(row.statement)?.custom ?? 0),
  }));
  // A typed query's text stage and nearest stage, each run once per search; a described query's one statement.
  expect(runs.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
    { kind: 'described', generic: 0, custom: WORDS.length },
    { kind: 'nearest', generic: 0, custom: 2 * WORDS.length },
    { kind: 'text', generic: 0, custom: 2 * WORDS.length },
  ]);
});

it('plans the nearest-jobs scan afresh wherever it runs: its sort setting differs by call', async () => {
  // A plan kept from a call that allowed sorting (narrow) would sort in a call that must walk the
  // index. Postgres keeps a generic plan only when it looks as cheap; here the session asks for one always.
  const vector = embedWithCatalog('nurse');
  const where = visibleToSeekers(new Date());
  // The statement without text hits to lean on (its seeds' condition is `false`).
  const plans = async () =>
    (
      await opened.client.query<{ generic: number; custom: number }>(
        `select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
         where statement like '%order by description_embedding <=>%limit $%' and statement like '%from jobs where false)%'
           and statement not like '%json_agg%'`,
      )
    ).rows;
  const before = (await plans())[0] ?? { generic: 0, custom: 0 };
  await opened.client.exec('set plan_cache_mode = force_generic_plan');
  for (let i = 0; i < 8; i++)
    await opened.db.transaction((tx) =>
      nearestJobs(tx, { where, vector, seeds: [], query: 'nurse', limit: 7, narrow: i % 2 === 0 }),
    );
  await opened.client.exec('reset plan_cache_mode');
  expect(await plans()).toEqual([{ generic: before.generic, custom: before.custom + 8 }]);
});

it('widens the beam past 20,000 jobs by the square root of the size the last analyze counted', async () => {
  const beamAt = async (reltuples: number, query: string) => {
    await opened.client.query(`update pg_class set reltuples = $1 where oid = 'jobs'::regclass`, [reltuples]);
    return opened.db.transaction(async (tx) => {
      await beginNearestScan(tx, { query });
      return rowsOf<{ ef: string }>(await tx.execute(sql`select current_setting('hnsw.ef_search') as ef`))[0]!.ef;
    });
  };
  const described = 'caring for patients on a busy hospital ward';
  try {
    // Never analyzed (-1), small, at the size the beams were chosen at: the beams as chosen.
    for (const size of [-1, 200, 20_000]) {
      expect([await beamAt(size, 'nurse'), await beamAt(size, described)]).toEqual(['300', '60']);
    }
    expect([await beamAt(100_000, 'nurse'), await beamAt(100_000, described)]).toEqual(['671', '134']);
    // pgvector's widest beam is 1,000.
    expect([await beamAt(1_000_000, 'nurse'), await beamAt(1_000_000, described)]).toEqual(['1000', '424']);
  } finally {
    await opened.client.exec(`analyze jobs`);
  }
});

it('searches a described query by its words when its walks find no embedded job', async () => {
  // Embeddings come after a job is written (in the background): until then only words find it.
  const { rows } = await opened.client.query<{ id: number }>(
    `insert into jobs (employer_id, title, description, location)
     select id, 'zymurgist 999', 'Work as a zymurgist brewing beer.', 'Zymurgy Falls' from users returning id`,
  );
  try {
    const answer = await searchJobs(
      { db: opened.db, embedder: createCatalogEmbedder(), now: new Date() },
      searchJobsInput.parse({ q: 'I want to work as a zymurgist brewing beer', location: 'Zymurgy Falls' }),
    );
    expect(answer.items.map((item) => [item.title, item.matchedBy])).toEqual([['zymurgist 999', ['text']]]);
  } finally {
    await opened.client.query('delete from jobs where id = $1', [rows[0]!.id]);
  }
});

it("ranks a job's words and its company's as their concatenation does, building it only where the company shares a word", async () => {
  const queries = ['nurse', 'nurse partners', 'welder shift', 'evergreen', 'care-partners welder', 'team'];
  const ranked = await opened.client.transaction(async (tx) => {
    await tx.exec(`insert into users (email, password_hash, user_type) values ('care@example.com', 'x', 'employer');
      insert into employers (id, company_name) select id, 'Evergreen Care Partners Nurse' from users where email = 'care@example.com';
      insert into jobs (employer_id, title, description) select id, 'nurse care lead', 'Care for patients with a team of partners.'
        from users where email = 'care@example.com';`);
    const rows: { concat: number; ours: number; matched: boolean; concat_matched: boolean }[] = [];
    for (const q of queries) {
      const tsQuery = sql`replace(plainto_tsquery('english', ${q})::text, '&', '|')::tsquery`;
      const statement = sql`select ts_rank(jobs.search || employers.search, ${tsQuery}) as concat,
          ${rankOfJobWords(tsQuery)} as ours, ${matchesJobWords(tsQuery)} as matched,
          (jobs.search || employers.search) @@ ${tsQuery} as concat_matched
        from jobs join employers on employers.id = jobs.employer_id`;
      const result = await drizzle(tx as unknown as typeof opened.client).execute(statement);
      rows.push(...(result.rows as typeof rows));
    }
    await tx.rollback();
    return rows;
  });
  // Every job, for each query: some rank above zero through their company's words, some through their own.
  expect(ranked.length).toBe(201 * queries.length);
  expect(ranked.filter((row) => row.concat > 0).length).toBeGreaterThan(queries.length);
  for (const row of ranked) expect(row).toMatchObject({ ours: row.concat, matched: row.concat_matched });
});

it("looks for a described query's seeds among all visible jobs, its results among those its filters keep", async () => {
  const statements: string[] = [];
  const db = drizzle(opened.client, {
    schema,
    logger: { logQuery: (query) => query.includes('first_walk') && statements.push(query) },
  }) as unknown as Database;
  const q = 'I have worked as a welder on a busy team for many years';
  const answer = await searchJobs(
    { db, embedder: createCatalogEmbedder(), now: new Date() },
    searchJobsInput.parse({ q, remoteAllowed: false }),
  );
  expect(answer.items.length).toBeGreaterThan(0);
  const [described] = statements;
  const firstWalk = described!.slice(described!.indexOf('first_walk'), described!.indexOf('seeds as'));
  const lastWalk = described!.slice(described!.lastIndexOf('select id, 1 -'));
  expect(firstWalk).toContain('"expires_at"');
  expect(firstWalk).not.toContain('"remote_allowed"');
  expect(lastWalk).toContain('"remote_allowed"');
});
