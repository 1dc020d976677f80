/**
 * Migration 0012 (notifications) over existing mail: queued messages stay as they were (with no
 * List-Unsubscribe URL), and its down file takes the notification tables back out without
 * touching them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDatabaseBefore } from './helpers/migrations.ts';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('keeps queued mail through 0012 and back down', async () => {
  await withDatabaseBefore('0012_notifications', async ({ client, applyMigration }) => {
    await client.exec(`insert into users (email, password_hash, user_type) values ('old@seeker.example', 'x', 'job_seeker');
      insert into outbox_messages (kind, recipient_user_id, to_address, subject, text_body, html_body, idempotency_key)
      values ('verify_email', 1, 'old@seeker.example', 'Confirm', 'text', '<p>html</p>', 'verify_email:1')`);

    await applyMigration();
    const after = await client.query(`select idempotency_key, unsubscribe_url from outbox_messages`);
    expect(after.rows).toEqual([{ idempotency_key: 'verify_email:1', unsubscribe_url: null }]);
    await client.exec(
      `insert into notifications (user_id, kind, event_key, title, body, link) values (1, 'application_status', 'e', 't', 'b', '/')`,
    );

    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0012_notifications.sql'), 'utf8'));
    const tables = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where tablename in ('notifications', 'notification_preferences', 'unsubscribe_tokens')`,
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
    expect((await client.query(`select idempotency_key, status from outbox_messages`)).rows).toEqual([
      { idempotency_key: 'verify_email:1', status: 'pending' },
    ]);
  });
}, 120_000);
