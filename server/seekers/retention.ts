/**
 * Retention of inactive seekers' resumes. A seeker who has not signed in (or used a session)
 * for `months` loses the resume text, its parsed data, its embedding, the skills read from it
 * and the matches computed from it. A notice is issued RETENTION_NOTICE_DAYS before, shown in
 * the app on their next visit; coming back (any activity after the notice) cancels the erasure.
 * The uploaded original and the snapshots their applications kept go with the resume.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';
import { eraseResumeRecords } from '../files/resumes.ts';
import type { FileStore } from '../files/store.ts';

export const RETENTION_NOTICE_DAYS = 30;

const hasResume = sql`(s.resume_text is not null or s.resume_data is not null or s.resume_embedding is not null)`;

export async function sweepInactiveResumes(
  db: Database,
  now: Date,
  months: number,
  files?: FileStore,
): Promise<{ noticed: number; erased: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const inactiveSince = sql`${at} - make_interval(months => ${months})`;
  let erasedFiles: string[] = [];
  const result = await db.transaction(async (tx) => {
    const erased = rowsOf<{ id: number }>(
      await tx.execute(sql`
        update job_seekers s
        set resume_text = null, resume_data = null, resume_embedding = null, resume_embedding_model = null, resume_embedded_at = null,
            resume_parser_model = null, resume_updated_at = null, resume_retention_notice_at = null, resume_erased_at = ${at}
        from users u
        where u.id = s.id and ${hasResume}
          and u.last_active_at <= ${inactiveSince}
          and s.resume_retention_notice_at >= u.last_active_at
          and s.resume_retention_notice_at <= ${at} - make_interval(days => ${RETENTION_NOTICE_DAYS})
        returning s.id`),
    ).map((r) => r.id);
    if (erased.length) {
      const ids = sql.join(
        erased.map((id) => sql`${id}`),
        sql`, `,
      );
      await tx.execute(sql`delete from job_seeker_skills where source = 'resume' and job_seeker_id in (${ids})`);
      // Matches the seeker acted on stay (an application refers to them); the rest came from the resume.
      await tx.execute(sql`delete from matches where job_seeker_id in (${ids}) and not applied`);
      erasedFiles = await eraseResumeRecords(tx, erased);
    }
    const noticed = rowsOf<{ id: number }>(
      await tx.execute(sql`
        update job_seekers s set resume_retention_notice_at = ${at}
        from users u
        where u.id = s.id and ${hasResume}
          and u.last_active_at <= ${inactiveSince} + make_interval(days => ${RETENTION_NOTICE_DAYS})
          and (s.resume_retention_notice_at is null or s.resume_retention_notice_at < u.last_active_at)
        returning s.id`),
    );
    return { noticed: noticed.length, erased: erased.length };
  });
  // The bytes go once their records are gone for good.
  await files?.delete(erasedFiles);
  return result;
}
