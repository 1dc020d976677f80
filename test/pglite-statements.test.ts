/**
 * PGlite's queries through named prepared statements (db/pglite-statements.ts, decision 0016):
 * the same answers as PGlite's own `query`, one statement per text, plans kept by Postgres's
 * rules, errors that leave the connection usable, and the locks that order transactions.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vector } from '@electric-sql/pglite-pgvector';
import { binaryVector, withPreparedStatements } from '../db/pglite-statements.ts';

let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
  await pglite.exec(`create table notes (id int primary key, body text not null, at timestamptz, tags jsonb);
    insert into notes select i, 'note ' || i, '2026-01-01'::timestamptz + i * interval '1 day', jsonb_build_array(i)
      from generate_series(1, 50) i;`);
}, 60_000);
afterAll(() => pglite.close());

/** The statements this cache made, with how often Postgres planned each way. */
async function prepared() {
  const result = await pglite.query<{ statement: string; generic_plans: number; custom_plans: number }>(
    `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where name like 'prepared_%'`,
  );
  return result.rows;
}

const deallocateAll = () => pglite.exec('deallocate all');

describe('prepared statements on PGlite', () => {
  it('answers as PGlite’s own query does: rows, fields, types, array rows, parsers, nulls, affected rows', async () => {
    const client = withPreparedStatements(pglite);
    const text = 'select id, body, at, tags from notes where id = any($1::int[]) or body = $2 order by id';
    for (const params of [
      [[1, 2], null],
      [[3], 'note 9'],
    ]) {
      expect(await client.query(text, params)).toEqual(await pglite.query(text, params));
      expect(await client.query(text, params, { rowMode: 'array' })).toEqual(
        await pglite.query(text, params, { rowMode: 'array' }),
      );
    }
    const keepText = { parsers: { 1184: (value: string) => value } };
    expect((await client.query<{ at: unknown }>('select at from notes where id = 1', [], keepText)).rows[0]!.at).toBe(
      '2026-01-02 00:00:00+00',
    );
    const updated = await client.query(`update notes set body = body where id <= $1`, [5]);
    expect(updated.affectedRows).toBe(5);
    expect(updated.rows).toEqual([]);
    await deallocateAll();
  });

  it('prepares a text once, whatever its parameters, and lets Postgres keep a generic plan', async () => {
    const client = withPreparedStatements(pglite);
    const text = 'select body from notes where id = $1';
    for (let id = 1; id <= 8; id++) expect((await client.query(text, [id])).rows).toEqual([{ body: `note ${id}` }]);
    const [statement, ...others] = await prepared();
    expect(others).toEqual([]);
    expect(statement!.statement).toBe(text);
    // plan_cache_mode auto: five custom plans, then the generic one when it costs no more.
    expect(statement!.custom_plans).toBe(5);
    expect(statement!.generic_plans).toBe(3);
    await deallocateAll();
  });

  it('plans afresh each time inside a transaction that asks for custom plans', async () => {
    const client = withPreparedStatements(pglite);
    const text = 'select body from notes where id = $1';
    for (let id = 1; id <= 8; id++)
      await client.transaction(async (tx) => {
        await tx.query(`select set_config('plan_cache_mode', 'force_custom_plan', true)`);
        await tx.query(text, [id]);
      });
    const statement = (await prepared()).find((row) => row.statement === text)!;
    expect(statement).toMatchObject({ generic_plans: 0, custom_plans: 8 });
    await deallocateAll();
  });

  it('keeps at most its capacity, closing the statements it drops', async () => {
    const client = withPreparedStatements(pglite, 3);
    for (let n = 1; n <= 7; n++) await client.query(`select ${n} as n`);
    await client.query('select 7 as n');
    expect((await prepared()).map((row) => row.statement).sort()).toEqual([
      'select 5 as n',
      'select 6 as n',
      'select 7 as n',
    ]);
    await deallocateAll();
  });

  it('throws Postgres’s errors with their codes and stays usable after them', async () => {
    const client = withPreparedStatements(pglite);
    await expect(client.query('select * from notes where', [])).rejects.toMatchObject({ code: '42601' });
    const insert = 'insert into notes (id, body) values ($1, $2)';
    await expect(client.query(insert, [1, 'twice'])).rejects.toMatchObject({ code: '23505' });
    await client.query(insert, [101, 'once']);
    expect((await client.query('select body from notes where id = $1', [101])).rows).toEqual([{ body: 'once' }]);
    await expect(
      client.transaction(async (tx) => {
        await tx.query(insert, [102, 'rolled back']);
        await tx.query(insert, [1, 'twice']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await client.query('select count(*)::int as n from notes where id = $1', [102])).rows).toEqual([{ n: 0 }]);
    await client.query('delete from notes where id > $1', [50]);
    await deallocateAll();
  });

  it('reads the new shape of a table changed under a prepared statement', async () => {
    const client = withPreparedStatements(pglite);
    await pglite.exec('create table shapes (id int)');
    await pglite.exec('insert into shapes values (1)');
    expect((await client.query('select * from shapes')).rows).toEqual([{ id: 1 }]);
    await pglite.exec(`alter table shapes add column name text default 'one'`);
    expect((await client.query('select * from shapes')).rows).toEqual([{ id: 1, name: 'one' }]);
    await pglite.exec('drop table shapes');
    await deallocateAll();
  });

  it('runs a query from outside an open transaction after it ends, not inside it', async () => {
    const client = withPreparedStatements(pglite);
    let insertedInside!: () => void;
    const inside = new Promise<void>((resolve) => {
      insertedInside = resolve;
    });
    const transaction = client.transaction(async (tx) => {
      await tx.query(`insert into notes (id, body) values (201, 'rolled back')`);
      insertedInside();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await inside;
    const outside = client.query(`insert into notes (id, body) values (202, 'kept')`);
    await expect(transaction).rejects.toThrow('roll back');
    await outside;
    expect((await client.query('select id from notes where id > 200 order by id')).rows).toEqual([{ id: 202 }]);
    await client.query('delete from notes where id > $1', [50]);
    await deallocateAll();
  });

  it('refuses queries once PGlite is closed, as PGlite does', async () => {
    const closing = await PGlite.create();
    const client = withPreparedStatements(closing);
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await closing.close();
    await expect(client.query('select 1 as one')).rejects.toThrow('PGlite is closed');
  });

  it('runs a batch too large to keep as PGlite does, unnamed, with the same answer', async () => {
    const client = withPreparedStatements(pglite);
    const ids = Array.from({ length: 300 }, (_, i) => i + 1);
    const text = `select count(*)::int as n from notes where id in (${ids.map((_, i) => `$${i + 1}`).join(', ')})`;
    expect((await client.query(text, ids)).rows).toEqual([{ n: 50 }]);
    await client.transaction(async (tx) => expect((await tx.query(text, ids)).rows).toEqual([{ n: 50 }]));
    expect(await prepared()).toEqual([]);
  });

  it('sends a vector in pgvector’s binary form: the same stored values as its text, the same errors', async () => {
    const vectors = await PGlite.create({ extensions: { vector } });
    await vectors.exec('create extension vector; create table items (id int primary key, v vector(3))');
    const client = withPreparedStatements(vectors);
    const exact = (text: string) => vectors.query<{ v: string }>('select $1::vector::text as v', [text]);
    const sent = (text: string) => client.query<{ v: string }>('select $1::vector::text as v', [text]);
    const texts = [
      '[1,2,3]',
      '[0.1,-0.2,0.30000000000000004]',
      '[1e-7,-3.4e38,2.5E+3]',
      '[ -0 , .5 ,+1 ]',
      '[1e-50,0.123456789012345678,-65504.125]',
      `[${Array.from({ length: 1536 }, (_, i) => Math.sin(i * 7.1) / 39).join(',')}]`,
    ];
    for (const text of texts) expect((await sent(text)).rows).toEqual((await exact(text)).rows);
    // Binary, not text: a dense vector's text costs PGlite milliseconds to parse; its bytes do not.
    expect(binaryVector('[1,-2]')).toEqual(new Uint8Array([0, 2, 0, 0, 0x3f, 0x80, 0, 0, 0xc0, 0, 0, 0]));
    for (const bad of ['[]', '[1,,2]', '[1,0x10]', '[1e400,1]', '[Infinity]', '[nan,1]', '1,2', '[1,2'])
      expect(binaryVector(bad)).toBeNull();
    // What the binary form leaves to text is answered as Postgres answers it (it reads hex, too).
    const answer = (query: Promise<{ rows: unknown[] }>) =>
      query.then(
        (r) => r.rows,
        (e: Error) => e.message,
      );
    for (const odd of ['[]', '[1,,2]', '[1,0x10]', '[1e400,1]', '[Infinity]']) {
      expect(await answer(sent(odd))).toEqual(await answer(exact(odd)));
    }
    expect(await answer(sent('[1e400,1]'))).toMatch(/out of range/);
    await client.query('insert into items values ($1, $2)', [1, '[1.5,2,3]']);
    await expect(client.query('insert into items values ($1, $2)', [2, '[1,2]'])).rejects.toThrow(
      'expected 3 dimensions, not 2',
    );
    await client.transaction(async (tx) => {
      const { rows } = await tx.query<{ d: number }>('select v <-> $1::vector as d from items', ['[1.5,2,4]']);
      expect(rows).toEqual([{ d: 1 }]);
    });
    await vectors.close();
  });
});
