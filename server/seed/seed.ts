import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/database.ts';
import {
  employers,
  jobSeekerSkills,
  jobSeekers,
  jobSkills,
  jobs,
  skillAliases,
  skills,
  users,
} from '../../db/schema.ts';
import type { AiProviders } from '../ai/types.ts';
import { createUserWithProfile } from '../auth/accounts.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { embedJobs } from '../jobs/embedding.ts';
import { generateMatchesForSeeker } from '../matching/generate.ts';
import { embedResume, saveResume } from '../seekers/resume.ts';
import { normalizeSkillName } from '../skills/normalize.ts';
import { seedDemoActivity } from './demo-activity.ts';
import { DEMO_EMPLOYERS } from './demo-employers.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_SEEKERS } from './demo-seekers.ts';
import { SKILLS_CATALOG } from './skills-catalog.ts';

export interface SeedSummary {
  skills: number;
  employers: number;
  jobs: number;
  seekers: number;
}

/** Inserts the catalog; returns skill ids by normalized name. */
export async function loadSkillsCatalog(tx: Transaction): Promise<Map<string, number>> {
  const inserted = await tx
    .insert(skills)
    .values(
      SKILLS_CATALOG.map((s) => ({ name: s.name, normalizedName: normalizeSkillName(s.name), category: s.category })),
    )
    .returning({ id: skills.id, normalizedName: skills.normalizedName });
  const ids = new Map(inserted.map((s) => [s.normalizedName, s.id]));
  const aliases = SKILLS_CATALOG.flatMap((s) =>
    s.aliases
      .map((alias) => ({
        alias,
        normalizedAlias: normalizeSkillName(alias),
        skillId: ids.get(normalizeSkillName(s.name))!,
      }))
      // An alias that folds to its own skill's name adds nothing.
      .filter((a) => !ids.has(a.normalizedAlias)),
  );
  if (aliases.length > 0) await tx.insert(skillAliases).values(aliases);
  return ids;
}

function skillId(ids: Map<string, number>, name: string): number {
  const id = ids.get(normalizeSkillName(name));
  if (id === undefined) throw new Error(`demo data names a skill missing from the catalog: ${name}`);
  return id;
}

export async function loadDemoData(
  tx: Transaction,
  ids: Map<string, number>,
  passwordHash: string,
  now: Date,
): Promise<Omit<SeedSummary, 'skills'>> {
  await createUserWithProfile(tx, { email: DEMO_ADMIN_EMAIL, passwordHash, userType: 'admin' });
  let jobCount = 0;
  for (const [index, employer] of DEMO_EMPLOYERS.entries()) {
    const employerId = await createUserWithProfile(tx, {
      email: employer.email,
      passwordHash,
      userType: 'employer',
      companyName: employer.companyName,
    });
    await tx
      .update(employers)
      .set({ companySize: employer.companySize, industry: employer.industry, website: employer.website })
      .where(eq(employers.id, employerId));
    for (const [jobIndex, demo] of employer.jobs.entries()) {
      // Spread posting dates over the last weeks so "newest" means something.
      const postedAt = new Date(now.getTime() - (index * 7 + jobIndex * 3 + 1) * 86_400_000);
      const [row] = await tx
        .insert(jobs)
        .values({
          employerId,
          title: demo.title,
          description: demo.description,
          requirements: { experienceYears: demo.experienceYears },
          location: demo.location,
          remoteAllowed: demo.remoteAllowed,
          employmentType: demo.employmentType,
          salaryMin: demo.salary ? demo.salary[0].toFixed(2) : null,
          salaryMax: demo.salary ? demo.salary[1].toFixed(2) : null,
          currency: 'USD',
          status: 'active',
          postedAt,
          expiresAt: new Date(postedAt.getTime() + 90 * 86_400_000),
          createdAt: postedAt,
          updatedAt: postedAt,
        })
        .returning({ id: jobs.id });
      await tx.insert(jobSkills).values(
        demo.skills.map(([name, required, priority]) => ({
          jobId: row!.id,
          skillId: skillId(ids, name),
          required,
          priority,
        })),
      );
      jobCount++;
    }
  }
  for (const seeker of DEMO_SEEKERS) {
    const seekerId = await createUserWithProfile(tx, {
      email: seeker.email,
      passwordHash,
      userType: 'job_seeker',
      firstName: seeker.firstName,
      lastName: seeker.lastName,
    });
    await tx
      .update(jobSeekers)
      // Demo seekers said yes to being found, so employers see the consent rules at work.
      .set({
        location: seeker.location,
        phone: seeker.phone,
        resumeText: seeker.resume,
        resumeUpdatedAt: now,
        visibleToEmployers: true,
      })
      .where(eq(jobSeekers.id, seekerId));
    await tx.insert(jobSeekerSkills).values(
      seeker.skills.map(([name, proficiencyLevel, yearsExperience]) => ({
        jobSeekerId: seekerId,
        skillId: skillId(ids, name),
        proficiencyLevel,
        yearsExperience,
      })),
    );
  }
  return { employers: DEMO_EMPLOYERS.length, jobs: jobCount, seekers: DEMO_SEEKERS.length };
}

/**
 * What the AI layer adds to the demo rows: parsed resumes, embeddings of jobs and resumes, and
 * matches. Also what a restart finishes if the first start was interrupted after the rows.
 */
export async function enrichDemoData(db: Database, ai: AiProviders, now: Date): Promise<void> {
  const unparsed = await db
    .select({ id: jobSeekers.id, text: jobSeekers.resumeText })
    .from(jobSeekers)
    .where(isNull(jobSeekers.resumeData));
  for (const seeker of unparsed) {
    if (seeker.text)
      await saveResume({ db, ai, now, background: () => {}, retentionMonths: 24 }, seeker.id, seeker.text);
  }
  const pendingJobs = await db
    .select({ id: jobs.id, updatedAt: jobs.updatedAt })
    .from(jobs)
    .where(isNull(jobs.embeddedAt));
  await embedJobs(
    db,
    ai.embedder,
    pendingJobs.map((j) => ({ id: j.id, updatedAt: j.updatedAt! })),
    now,
  );
  const pendingSeekers = await db
    .select({ id: jobSeekers.id, version: jobSeekers.resumeUpdatedAt })
    .from(jobSeekers)
    .where(and(isNotNull(jobSeekers.resumeUpdatedAt), isNull(jobSeekers.resumeEmbeddedAt)));
  for (const seeker of pendingSeekers) {
    if (await embedResume(db, ai.embedder, seeker.id, seeker.version!, now))
      await generateMatchesForSeeker(db, ai, seeker.id, now);
  }
}

/**
 * On a first start (no skills yet) loads the catalog and, when asked and there are no users
 * either, the demo data; the rows in one transaction, so an interrupted first start leaves nothing
 * half-done. Then the AI layer: parsing, embeddings, matches.
 */
export async function seedIfEmpty(
  db: Database,
  passwords: PasswordHasher,
  ai: AiProviders,
  options: { demoData: boolean },
  now = new Date(),
): Promise<SeedSummary | null> {
  const [skillRows] = await db.select({ n: count() }).from(skills);
  if ((skillRows?.n ?? 0) > 0) return null;
  const [userRows] = await db.select({ n: count() }).from(users);
  const withDemo = options.demoData && (userRows?.n ?? 0) === 0;
  const passwordHash = withDemo ? await passwords.hash(DEMO_PASSWORD) : '';
  const summary = await db.transaction(async (tx) => {
    const ids = await loadSkillsCatalog(tx);
    const demo = withDemo ? await loadDemoData(tx, ids, passwordHash, now) : { employers: 0, jobs: 0, seekers: 0 };
    return { skills: ids.size, ...demo };
  });
  await enrichDemoData(db, ai, now);
  if (withDemo) await seedDemoActivity(db, now);
  return summary;
}
