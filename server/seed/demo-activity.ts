/**
 * What people did with the demo matches, so that a first `npm start` shows the employer's
 * applicants, the admins' quality figures and the offline evaluation with something in them:
 * the first four demo seekers applied to their best match and viewed their second; the first
 * application reached interview; every demo seeker marked their weakest match "not relevant".
 * That first job's pipeline has applicants in every column: the other demo seekers applied to it
 * too, and its employer moved them (an offer, a review, a rejection with its reason and message).
 * Through the same functions the procedures call, so the history is recorded as usual.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications, jobs, matches, users } from '../../db/schema.ts';
import { apply, setApplicationStatus } from '../applications/service.ts';
import { createMemoryFileStore } from '../files/store.ts';
import { dismissMatch, markViewed } from '../matching/read.ts';
import { DEMO_SEEKERS } from './demo-seekers.ts';

const APPLYING_SEEKERS = 4;

export async function seedDemoActivity(db: Database, now: Date): Promise<void> {
  const seekers = await db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_SEEKERS.map((s) => s.email),
      ),
    )
    .orderBy(asc(users.id));
  if (seekers.length === 0) return;
  const [already] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      inArray(
        applications.jobSeekerId,
        seekers.map((s) => s.id),
      ),
    )
    .limit(1);
  if (already) return; // done on an earlier start
  let first: number | null = null;
  for (const [index, { id }] of seekers.entries()) {
    const ranked = await db
      .select({ jobId: matches.jobId })
      .from(matches)
      .where(eq(matches.jobSeekerId, id))
      .orderBy(desc(matches.overallScore), asc(matches.jobId));
    if (ranked.length < 3) continue;
    if (index < APPLYING_SEEKERS) {
      // Demo resumes are pasted text: no original to copy, so no file store is needed.
      const application = await apply(
        db,
        createMemoryFileStore(),
        id,
        { jobId: ranked[0]!.jobId, coverLetter: null },
        now,
        null,
      );
      first ??= application.id;
      await markViewed(db, id, ranked[1]!.jobId, now);
    }
    await dismissMatch(db, id, ranked.at(-1)!.jobId, now, 'not_relevant');
  }
  if (first === null) return;
  const [job] = await db
    .select({ employerId: jobs.employerId })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(eq(applications.id, first));
  await setApplicationStatus(db, job!.employerId, first, 'reviewed', now, null);
  await setApplicationStatus(db, job!.employerId, first, 'interview', now, null);
  await fillDemoPipeline(db, first, job!.employerId, seekers.slice(1), now);
}

/** The other demo seekers apply to the first application's job, and land in different columns. */
async function fillDemoPipeline(
  db: Database,
  firstApplication: number,
  employerId: number,
  others: { id: number }[],
  now: Date,
) {
  const [{ jobId } = { jobId: 0 }] = await db
    .select({ jobId: applications.jobId })
    .from(applications)
    .where(eq(applications.id, firstApplication));
  const paths: ('reviewed' | 'interview' | 'offer' | 'rejected')[][] = [
    ['reviewed', 'interview', 'offer'],
    ['reviewed'],
    ['rejected'],
    [],
    [],
  ];
  for (const [index, { id }] of others.entries()) {
    const application = await apply(db, createMemoryFileStore(), id, { jobId, coverLetter: null }, now, null);
    for (const status of paths[index] ?? [])
      await setApplicationStatus(
        db,
        employerId,
        application.id,
        status,
        now,
        null,
        status === 'rejected'
          ? {
              reason: 'skills_mismatch',
              detail: 'No clinical background.',
              message: 'Thank you for applying. We need registered nursing experience for this role.',
            }
          : null,
      );
  }
}
