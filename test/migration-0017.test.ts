/**
 * Migration 0017 (refused webhook deliveries counted): rolled back one version and forward again,
 * every board and delivery stays, and the counters' table works again after it.
 */
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.ts';
import { countRefusal } from '../server/webhooks/refusals.ts';
import { rollBackThrough } from './helpers/migrations.ts';
import { createTestApp, TEST_START } from './helpers/app.ts';

it('rolls back one version and forward again without losing a board or a delivery', async () => {
  const t = await createTestApp({ fresh: true });
  try {
    await t.pg.exec(`
      insert into users (id, email, password_hash, user_type) overriding system value values (900, 'e@example.com', 'x', 'employer');
      insert into employers (id, company_name) values (900, 'E');
      insert into companies (id) values (900);
      insert into job_sources (id, employer_id, name, format, signing_secret)
        values ('00000000-0000-4000-8000-000000000001', 900, 'Careers site', 'json-ld', 'whsec_x');
      insert into webhook_deliveries (source_id, webhook_id, outcome) values ('00000000-0000-4000-8000-000000000001', 'msg_1', 'applied');`);
    const snapshot = async () => ({
      sources: (await t.pg.query('select id, employer_id, name from job_sources order by id')).rows,
      deliveries: (await t.pg.query('select source_id, webhook_id, outcome from webhook_deliveries order by id')).rows,
    });
    const before = await snapshot();
    await countRefusal(t.db, '00000000-0000-4000-8000-000000000001', 'bad_signature', TEST_START);

    await rollBackThrough(t.pg, '0017_webhook_refusals');
    expect((await t.pg.query(`select to_regclass('webhook_refusals') as t`)).rows).toEqual([{ t: null }]);
    expect(await snapshot()).toEqual(before);

    await migrate(drizzle(t.pg), { migrationsFolder: MIGRATIONS_FOLDER });
    expect(await snapshot()).toEqual(before);
    await countRefusal(t.db, '00000000-0000-4000-8000-000000000001', 'bad_signature', TEST_START);
    await countRefusal(t.db, '00000000-0000-4000-8000-000000000001', 'bad_signature', TEST_START);
    await countRefusal(t.db, null, 'unknown_board', TEST_START);
    await countRefusal(t.db, null, 'unknown_board', TEST_START);
    expect(
      (await t.pg.query('select source_id, reason, count from webhook_refusals order by source_id nulls first')).rows,
    ).toEqual([
      { source_id: null, reason: 'unknown_board', count: 2 },
      { source_id: '00000000-0000-4000-8000-000000000001', reason: 'bad_signature', count: 2 },
    ]);
  } finally {
    await t.close();
  }
}, 180_000);
