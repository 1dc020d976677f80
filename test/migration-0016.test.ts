/**
 * Migration 0016 (an outbox message may carry an iCalendar invitation) over existing mail:
 * queued messages stay as they were, with no invitation, and its down file takes the two columns
 * back out without touching the messages.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('keeps queued mail through 0016 and back down', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  const client = await PGlite.create({ extensions: { vector, pg_trgm } });
  try {
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    await writeFile(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag < '0016') }),
    );
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: folder });
    await client.exec(`insert into users (email, password_hash, user_type) values ('old@seeker.example', 'x', 'job_seeker');
      insert into outbox_messages (kind, recipient_user_id, to_address, subject, text_body, html_body, idempotency_key)
      values ('verify_email', 1, 'old@seeker.example', 'Confirm', 'text', '<p>html</p>', 'verify_email:1')`);

    // Up to this migration only: the one version it rolls back (later ones are theirs to test).
    await writeFile(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.tag <= '0016_interview_invitations') }),
    );
    await migrate(db, { migrationsFolder: folder });
    expect((await client.query(`select idempotency_key, ical_method, ical_content from outbox_messages`)).rows).toEqual(
      [{ idempotency_key: 'verify_email:1', ical_method: null, ical_content: null }],
    );
    await client.exec(`insert into outbox_messages (kind, recipient_user_id, to_address, subject, text_body, html_body, idempotency_key, ical_method, ical_content)
      values ('interview_scheduled', 1, 'old@seeker.example', 'Scheduled', 'text', '<p>html</p>', 'interview:1', 'REQUEST', 'BEGIN:VCALENDAR')`);

    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0016_interview_invitations.sql'), 'utf8'));
    const columns = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.columns where table_name = 'outbox_messages' and column_name like 'ical%'`,
    );
    expect(columns.rows).toEqual([{ n: 0 }]);
    expect((await client.query(`select idempotency_key, subject from outbox_messages order by id`)).rows).toEqual([
      { idempotency_key: 'verify_email:1', subject: 'Confirm' },
      { idempotency_key: 'interview:1', subject: 'Scheduled' },
    ]);
  } finally {
    await client.close();
    await rm(folder, { recursive: true, force: true });
  }
}, 120_000);
