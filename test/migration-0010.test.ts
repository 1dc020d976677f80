/**
 * Migration 0010 over existing rows: an application gets the resume as it is at the migration
 * (source 'migration'), one whose seeker has no resume gets none; and back down one version,
 * an application at `offer` returns to `interview`, the last state 0009 knows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDatabaseBefore } from './helpers/migrations.ts';
import { MIGRATIONS_FOLDER } from '../db/client.ts';

it('gives existing applications a snapshot marked migration, and rolls back one version', async () => {
  await withDatabaseBefore('0010_application_records', async ({ client, applyMigration }) => {
    await client.exec(`
      insert into users (id, email, password_hash, user_type) overriding system value values
        (1, 'boss@acme.example', 'x', 'employer'), (2, 'rosa@example.com', 'x', 'job_seeker'), (3, 'kim@example.com', 'x', 'job_seeker');
      insert into employers (id, company_name) values (1, 'Acme');
      insert into job_seekers (id, first_name, last_name, resume_text, resume_data, resume_parser_model, resume_updated_at)
        values (2, 'Rosa', 'Q', 'Home health nurse, eight years.', '{"basics":{"name":"Rosa"}}', 'local-parser-v1', '2026-01-02T00:00:00Z'),
               (3, 'Kim', 'L', null, null, null, null);
      insert into skills (id, name, normalized_name) overriding system value values (1, 'Pediatrics', 'pediatrics');
      insert into job_seeker_skills (job_seeker_id, skill_id, source) values (2, 1, 'resume');
      insert into job_seeker_skills (job_seeker_id, custom_name, custom_normalized_name, source) values (2, 'Wound care', 'wound care', 'typed');
      insert into jobs (id, employer_id, title, description, status) overriding system value values (1, 1, 'Nurse', 'Care.', 'active');
      insert into applications (id, job_seeker_id, job_id, status) overriding system value values (1, 2, 1, 'interview'), (2, 3, 1, 'submitted');`);

    await applyMigration();
    const snapshots = await client.query(
      `select application_id, source, resume_text, resume_data, skills, parser_model, file_key from application_resumes order by application_id`,
    );
    expect(snapshots.rows).toEqual([
      {
        application_id: 1,
        source: 'migration',
        resume_text: 'Home health nurse, eight years.',
        resume_data: { basics: { name: 'Rosa' } },
        skills: ['Pediatrics', 'Wound care'],
        parser_model: 'local-parser-v1',
        file_key: null,
      },
    ]);
    await client.exec(`update applications set status = 'offer' where id = 1`);

    await client.exec(await readFile(join(MIGRATIONS_FOLDER, 'down/0010_application_records.sql'), 'utf8'));
    expect((await client.query(`select id, status from applications order by id`)).rows).toEqual([
      { id: 1, status: 'interview' },
      { id: 2, status: 'submitted' },
    ]);
    expect((await client.query(`select to_regclass('application_resumes') as t`)).rows).toEqual([{ t: null }]);
  });
}, 180_000);
