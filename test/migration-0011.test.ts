/**
 * Migration 0011 over existing seekers: nobody had said yes to being found, so every seeker
 * starts hidden (the demo seekers, who said yes when made, visible), each gets a distinct
 * candidate key; and it goes back down one version keeping every seeker.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDatabaseBefore } from './helpers/migrations.ts';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('hides the seekers that existed before 0011 (demo seekers visible), and goes back down keeping them', async () => {
  await withDatabaseBefore('0011_candidate_consent', async ({ client, applyMigration }) => {
    await client.exec(`
      insert into users (email, password_hash, user_type) values
        ('old@seeker.example', 'x', 'job_seeker'), ('maria.lopez@example.com', 'x', 'job_seeker'), ('other@seeker.example', 'x', 'job_seeker');
      insert into job_seekers (id, first_name, last_name) select id, 'First', 'Last' from users;`);

    await applyMigration();
    const rows = await client.query<{ email: string; visible: boolean; candidate_key: string }>(
      `select u.email, s.visible_to_employers as visible, s.candidate_key from job_seekers s join users u on u.id = s.id order by s.id`,
    );
    expect(rows.rows.map(({ email, visible }) => ({ email, visible }))).toEqual([
      { email: 'old@seeker.example', visible: false },
      { email: 'maria.lopez@example.com', visible: true },
      { email: 'other@seeker.example', visible: false },
    ]);
    expect(new Set(rows.rows.map((r) => r.candidate_key)).size).toBe(3);

    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0011_candidate_consent.sql'), 'utf8'));
    expect((await client.query(`select count(*)::int as n from job_seekers`)).rows).toEqual([{ n: 3 }]);
    expect((await client.query(`select to_regclass('candidate_invitations') is null as gone`)).rows).toEqual([
      { gone: true },
    ]);
  });
}, 120_000);
