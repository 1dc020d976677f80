/**
 * Migration 0009 over existing accounts: they count as verified, so live employers keep
 * publishing; an account made afterwards starts unverified.
 */
import { expect, it } from 'vitest';
import { withDatabaseBefore } from './helpers/migrations.ts';

it('counts the accounts that existed before 0009 as verified, and later ones not', async () => {
  await withDatabaseBefore('0009_email', async ({ client, applyMigration }) => {
    await client.exec(
      `insert into users (email, password_hash, user_type) values ('live@employer.example', 'x', 'employer'), ('old@seeker.example', 'x', 'job_seeker')`,
    );

    await applyMigration();
    await client.exec(
      `insert into users (email, password_hash, user_type) values ('new@employer.example', 'x', 'employer')`,
    );
    const rows = await client.query<{ email: string; verified: boolean }>(
      `select email, email_verified_at is not null as verified from users order by id`,
    );
    expect(rows.rows).toEqual([
      { email: 'live@employer.example', verified: true },
      { email: 'old@seeker.example', verified: true },
      { email: 'new@employer.example', verified: false },
    ]);
    expect((await client.query(`select count(*)::int as n from outbox_messages`)).rows).toEqual([{ n: 0 }]);
  });
}, 120_000);
