/**
 * Migration 0014 over existing jobs and companies: every row stays, the vocabulary holds the
 * words already written, company names become searchable; its down file goes back one version.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDatabaseBefore } from './helpers/migrations.ts';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('indexes the jobs and companies that existed before 0014, and rolls back keeping them', async () => {
  await withDatabaseBefore('0014_search_vocabulary', async ({ client, applyMigration }) => {
    await client.exec(`
      insert into users (email, password_hash, user_type) values ('e@example.com', 'x', 'employer');
      insert into employers (id, company_name) values (1, 'Northwind Health');
      insert into jobs (employer_id, title, description) values (1, 'Pediatric Nurse', 'Care for children.'), (1, 'Line Cook', 'Grill.');`);

    await applyMigration();
    const words = await client.query<{ word: string; uses: number }>(
      `select word, uses from search_vocabulary where word in ('northwind', 'health', 'pediatric', 'nurse', 'cook') order by word`,
    );
    expect(words.rows).toEqual([
      { word: 'cook', uses: 1 },
      { word: 'health', uses: 1 },
      { word: 'northwind', uses: 1 },
      { word: 'nurse', uses: 1 },
      { word: 'pediatric', uses: 1 },
    ]);
    const byCompany = await client.query<{ n: number }>(
      `select count(*)::int as n from jobs j join employers e on e.id = j.employer_id where e.search @@ plainto_tsquery('english', 'northwind')`,
    );
    expect(byCompany.rows).toEqual([{ n: 2 }]);

    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0014_search_vocabulary.sql'), 'utf8'));
    const jobs = await client.query<{ title: string; found: boolean }>(
      `select title, search @@ plainto_tsquery('english', 'children') as found from jobs order by id`,
    );
    expect(jobs.rows).toEqual([
      { title: 'Pediatric Nurse', found: true },
      { title: 'Line Cook', found: false },
    ]);
    expect((await client.query(`select to_regclass('search_vocabulary') as t`)).rows).toEqual([{ t: null }]);
  });
}, 120_000);
