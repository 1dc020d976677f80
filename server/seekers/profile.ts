/** A job seeker's own profile and self-identification: the rows behind seekers.me, updateProfile, selfIdentify. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  jobSeekers,
  type RACE_ETHNICITY_CATEGORIES,
  type SEX_CATEGORIES,
  selfIdentifications,
} from '../../db/schema.ts';
import type { JsonResume } from '../../shared/json-resume.ts';
import { type SeekerProfile, seekerProfileColumns } from '../auth/profile.ts';

export async function loadSeekerProfile(db: Queryable, seekerId: number, email: string) {
  const [profile] = await db
    .select({
      id: jobSeekers.id,
      ...seekerProfileColumns,
      resumeUpdatedAt: jobSeekers.resumeUpdatedAt,
      visibleToEmployers: jobSeekers.visibleToEmployers,
    })
    .from(jobSeekers)
    .where(eq(jobSeekers.id, seekerId));
  return profile ? { ...profile, email, resumeUpdatedAt: profile.resumeUpdatedAt?.toISOString() ?? null } : null;
}

/** Consent to be found: employers then see the seeker among a job's candidates, anonymously until they apply. */
export async function setVisibility(db: Queryable, seekerId: number, visibleToEmployers: boolean) {
  await db.update(jobSeekers).set({ visibleToEmployers }).where(eq(jobSeekers.id, seekerId));
  return { visibleToEmployers };
}

/** Writes the fields given (none: reads the profile as it is). */
export async function updateSeekerProfile(
  db: Queryable,
  seekerId: number,
  changes: Partial<Pick<typeof jobSeekers.$inferInsert, keyof typeof seekerProfileColumns>>,
): Promise<SeekerProfile | undefined> {
  if (Object.keys(changes).length === 0)
    return (await db.select(seekerProfileColumns).from(jobSeekers).where(eq(jobSeekers.id, seekerId)))[0];
  const [profile] = await db
    .update(jobSeekers)
    .set(changes)
    .where(eq(jobSeekers.id, seekerId))
    .returning(seekerProfileColumns);
  return profile;
}

/** The seeker's corrections of what the parser read; false when there is no resume to correct. */
export async function correctResumeData(db: Queryable, seekerId: number, data: JsonResume): Promise<boolean> {
  const updated = await db
    .update(jobSeekers)
    .set({ resumeData: data })
    .where(and(eq(jobSeekers.id, seekerId), isNotNull(jobSeekers.resumeText)))
    .returning({ id: jobSeekers.id });
  return updated.length > 0;
}

export interface SelfIdentification {
  sex: (typeof SEX_CATEGORIES)[number] | null;
  raceEthnicity: (typeof RACE_ETHNICITY_CATEGORIES)[number] | null;
}

export async function saveSelfIdentification(
  db: Queryable,
  seekerId: number,
  answer: SelfIdentification,
  now: Date,
): Promise<void> {
  await db
    .insert(selfIdentifications)
    .values({ jobSeekerId: seekerId, ...answer, updatedAt: now })
    .onConflictDoUpdate({ target: selfIdentifications.jobSeekerId, set: { ...answer, updatedAt: now } });
}

/** `asked`: the seeker has answered or declined once, so the app does not ask again. */
export async function loadSelfIdentification(db: Queryable, seekerId: number) {
  const [row] = await db
    .select({ sex: selfIdentifications.sex, raceEthnicity: selfIdentifications.raceEthnicity })
    .from(selfIdentifications)
    .where(eq(selfIdentifications.jobSeekerId, seekerId));
  return row ? { ...row, asked: true } : { sex: null, raceEthnicity: null, asked: false };
}
