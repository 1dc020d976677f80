/**
 * What people did with the demo matches, so that a first `npm start` shows the employer's
 * applicants, the admins' quality figures and the offline evaluation with something in them:
 * the first four demo seekers applied to their best match and viewed their second; the first
 * application reached interview; every demo seeker marked their weakest match "not relevant".
 * Through the same functions the procedures call, so the history is recorded as usual.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications, jobs, matches, users } from '../../db/schema.ts';
import { apply, setApplicationStatus } from '../applications/service.ts';
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
      const application = await apply(db, id, { jobId: ranked[0]!.jobId, coverLetter: null }, now, null);
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
}
