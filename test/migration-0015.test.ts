/**
 * Migration 0015 (companies with members) over the demo data: rolled back one version, then
 * forward again, every job, application, board and match (the partitioned table) is intact, and
 * each employer is the owner of a company of one that reaches all of its jobs.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.ts';
import { requireJobAccess } from '../server/companies/access.ts';
import { createProviders } from '../server/providers.ts';
import { seedDemoActivity } from '../server/seed/demo-activity.ts';
import { enrichDemoData, loadDemoData } from '../server/seed/seed.ts';
import { rowsOf } from '../server/sql-helpers.ts';
import { rollBackThrough } from './helpers/migrations.ts';
import { createTestApp, TEST_START } from './helpers/app.ts';

const SNAPSHOT = {
  jobs: 'select id, employer_id, title, status, source_id from jobs order by id',
  applications: 'select id, job_id, job_seeker_id, status, match_score from applications order by id',
  events: 'select id, application_id, to_status, actor_id from application_events order by id',
  sources: 'select id, employer_id, name from job_sources order by id',
  matches: 'select id, job_seeker_id, job_id, overall_score, applied, viewed_at, dismissed_at from matches order by id',
};

it('moves every demo employer into a company of one without losing a job, application, board or match', async () => {
  const t = await createTestApp();
  await t.db.transaction(async (tx) => {
    const ids = new Map(
      rowsOf<{ id: number; normalized_name: string }>(
        await tx.execute(sql`select id, normalized_name from skills`),
      ).map((r) => [r.normalized_name, r.id]),
    );
    await loadDemoData(tx, ids, 'x', TEST_START);
  });
  await enrichDemoData(t.db, createProviders(), TEST_START);
  await seedDemoActivity(t.db, TEST_START);
  await t.pg.exec(`insert into job_sources (employer_id, name, format, signing_secret)
    select id, 'Careers site', 'json-ld', 'whsec_x' from employers order by id limit 1`);
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(Object.entries(SNAPSHOT).map(async ([k, q]) => [k, (await t.pg.query(q)).rows])),
    );
  const before = await snapshot();
  expect(before.jobs.length).toBeGreaterThan(40);
  expect(before.matches.length).toBeGreaterThan(100);
  expect(before.applications.length).toBeGreaterThan(0);

  // Back to before 0015 (its down file and the later ones', as roll-backs run them), then forward:
  // 0015 over data it never saw.
  await rollBackThrough(t.pg, '0015_companies');
  expect((await t.pg.query(`select to_regclass('companies') as t`)).rows).toEqual([{ t: null }]);
  expect(await snapshot()).toEqual(before);
  await migrate(drizzle(t.pg), { migrationsFolder: MIGRATIONS_FOLDER });

  expect(await snapshot()).toEqual(before);
  const employers = (await t.pg.query<{ id: number }>('select id from employers order by id')).rows;
  expect(employers.length).toBe(8);
  expect((await t.pg.query('select company_id, user_id, role from company_members order by user_id')).rows).toEqual(
    employers.map((e) => ({ company_id: e.id, user_id: e.id, role: 'owner' })),
  );
  expect((await t.pg.query('select id from companies order by id')).rows).toEqual(employers);
  expect(
    (await t.pg.query(`select count(*)::int as n from pg_inherits where inhparent = 'matches'::regclass`)).rows,
  ).toEqual([{ n: 16 }]);
  // Each employer reaches every one of their jobs under the new ownership.
  for (const job of before.jobs as { id: number; employer_id: number }[]) {
    expect((await requireJobAccess(t.db, job.employer_id, job.id, 'manage')).id).toBe(job.id);
  }
}, 180_000);
