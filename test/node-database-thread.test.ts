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
  // A page cache of its own size (PGLITE_SHARED_BUFFERS), to see that the setting reaches the thread.
  database = await openPgliteInThread({ sharedBuffers: '48MB' });
  await database.db.execute(sql`create table notes (id int primary key, body text not null)`);
}, 180_000);
afterAll(() => database.close());

const rows = (result: unknown) => (result as { rows: unknown[] }).rows;

describe('PGlite on a worker thread', () => {
  it('starts Postgres with the page cache it was given, not PGlite’s 128MB', async () => {
    expect(rows(await database.db.execute(sql`show shared_buffers`))).toEqual([{ shared_buffers: '48MB' }]);
  });

  it('runs a long query on its own thread, leaving the main thread its CPU', async () => {
    const cpu = process.cpuUsage();
    const mainThread = process.threadCpuUsage();
    // Pure CPU inside Postgres.
    await database.db.execute(
      sql.raw('do $$ declare n int := 0; begin for i in 1..4000000 loop n := n + 1; end loop; end $$'),
    );
    const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    const all = ms(process.cpuUsage(cpu));
    const main = ms(process.threadCpuUsage(mainThread));
    // In process the main thread does all of it (what stalled HTTP answers under load); here almost none.
    expect(all).toBeGreaterThan(150);
    expect(main).toBeLessThan(all / 4);
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
