/**
 * The Node entry's PGlite on its own thread (decision 0014): a long query holds up that thread,
 * not the event loop; transactions commit and roll back as in process; Postgres errors keep their codes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../server/db-errors.ts';
import { openPgliteInThread } from '../db/pglite-remote.ts';

let database: Awaited<ReturnType<typeof openPgliteInThread>>;
beforeAll(async () => {
  database = await openPgliteInThread();
  await database.db.execute(sql`create table notes (id int primary key, body text not null)`);
}, 180_000);
afterAll(() => database.close());

const rows = (result: unknown) => (result as { rows: unknown[] }).rows;

describe('PGlite on a worker thread', () => {
  it('keeps the event loop turning while a long query runs', async () => {
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const [count] = rows(await database.db.execute(sql`select count(*)::int as n from generate_series(1, 3000000)`));
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(count).toEqual({ n: 3_000_000 });
    // In process the loop stalls for the whole query; here it keeps turning (generous bounds: a busy machine).
    expect(took).toBeGreaterThan(150);
    expect(longestStall).toBeLessThan(took / 2);
  });

  it('commits a transaction, rolls one back, and orders a query from outside after it', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes values (1, 'kept')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes values (2, 'dropped')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    let outsideSaw: unknown[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes values (3, 'late')`);
      // A query from outside the transaction waits for it, as PGlite does in process.
      void database.db.execute(sql`select id from notes order by id`).then((r) => {
        outsideSaw = rows(r);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outsideSaw).toEqual([]);
    });
    await database.db.execute(sql`select 1`);
    expect(outsideSaw).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('keeps the Postgres error code, so unique violations are recognized', async () => {
    const error = await database.db.execute(sql`insert into notes values (1, 'again')`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
