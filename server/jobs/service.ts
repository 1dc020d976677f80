import { TRPCError } from '@trpc/server';
import { and, count, eq, lte, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { applications, jobSkills, jobs } from '../../db/schema.ts';
import type { AiProviders } from '../ai/types.ts';
import { requireJobAccess } from '../companies/access.ts';
import { isCheckViolation } from '../db-errors.ts';
import { loadLexicon, resolveSkillNames } from '../skills/catalog.ts';
import { resolveOrKeepCustom } from '../skills/custom.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import { embedJobs } from './embedding.ts';
import type { CreateJobInput, UpdateJobInput } from './schemas.ts';

export interface JobsDeps {
  db: Database;
  ai: AiProviders;
  now: Date;
  /** Runs after the response: embeddings and matching never hold the employer's request. */
  background(task: () => Promise<unknown>): void;
  /** Called with the ids of jobs whose embeddings were just written (matching hooks in here). */
  onJobsEmbedded?(ids: number[]): Promise<unknown>;
}

type CatalogSkillLink = { skillId: number; required: boolean; priority: number; inferred: boolean };
type SkillLink = Omit<CatalogSkillLink, 'skillId'> & {
  skillId: number | null;
  customName?: string | null;
  customNormalizedName?: string | null;
};

/**
 * The employer's skills: catalog skills by name or alias; a name the catalog lacks stays this
 * job's own (a custom row, matched as text, sent to the admins' review queue).
 */
async function skillLinks(db: Queryable, input: NonNullable<CreateJobInput['skills']>): Promise<SkillLink[]> {
  const resolved = await resolveOrKeepCustom(
    db,
    input.map((s) => s.name),
  );
  const links = new Map<string, SkillLink>();
  for (const s of input) {
    const ref = resolved.get(s.name)!;
    const key = ref.kind === 'catalog' ? `skill:${ref.skill.id}` : `custom:${ref.key}`;
    const previous = links.get(key);
    // "JS" and "JavaScript" listed twice: one skill, required if either says so, the higher priority.
    links.set(key, {
      skillId: ref.kind === 'catalog' ? ref.skill.id : null,
      customName: ref.kind === 'custom' ? ref.name : null,
      customNormalizedName: ref.kind === 'custom' ? ref.key : null,
      required: s.required || (previous?.required ?? false),
      priority: Math.min(s.priority, previous?.priority ?? 3),
      inferred: false,
    });
  }
  return [...links.values()];
}

/** Skills read from the job's own words, marked inferred so the employer can confirm them. */
export async function inferSkillLinks(
  deps: Pick<JobsDeps, 'db' | 'ai'>,
  job: { title: string; description: string; requirements?: unknown },
): Promise<CatalogSkillLink[]> {
  const lexicon = await loadLexicon(deps.db);
  const text = `${job.title}\n${job.description}\n${job.requirements ? JSON.stringify(job.requirements) : ''}`;
  let extracted: { name: string }[];
  try {
    extracted = await deps.ai.skillExtractor.extract(text, lexicon);
  } catch {
    extracted = findSkillMentions(lexicon, text);
  }
  const inTitle = new Set(findSkillMentions(lexicon, job.title, { lenient: true }).map((m) => m.name));
  const resolved = await resolveSkillNames(
    deps.db,
    extracted.map((s) => s.name),
  );
  const links = new Map<number, CatalogSkillLink>();
  for (const s of extracted) {
    const ref = resolved.get(s.name);
    if (ref)
      links.set(ref.id, {
        skillId: ref.id,
        required: inTitle.has(ref.name),
        priority: inTitle.has(ref.name) ? 1 : 2,
        inferred: true,
      });
  }
  return [...links.values()];
}

function assertFutureExpiry(expiresAt: Date | null | undefined, now: Date) {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'expiresAt: The expiry date must be in the future.' });
  }
}

function scheduleEmbedding(deps: JobsDeps, versions: { id: number; updatedAt: Date }[]) {
  deps.background(async () => {
    const embedded = await embedJobs(deps.db, deps.ai.embedder, versions, deps.now);
    if (embedded.length && deps.onJobsEmbedded) await deps.onJobsEmbedded(embedded);
  });
}

export async function createJob(deps: JobsDeps, companyId: number, input: CreateJobInput) {
  assertFutureExpiry(input.expiresAt, deps.now);
  const links = input.skills?.length ? await skillLinks(deps.db, input.skills) : await inferSkillLinks(deps, input);
  const job = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jobs)
      .values({
        employerId: companyId,
        title: input.title,
        description: input.description,
        requirements: input.requirements ?? null,
        location: input.location ?? null,
        remoteAllowed: input.remoteAllowed ?? false,
        employmentType: input.employmentType ?? null,
        salaryMin: input.salaryMin ?? null,
        salaryMax: input.salaryMax ?? null,
        currency: input.currency ?? 'USD',
        status: input.status,
        // Posting sets postedAt; a draft has none yet.
        postedAt: input.status === 'active' ? deps.now : null,
        expiresAt: input.expiresAt ?? null,
        createdAt: deps.now,
        updatedAt: deps.now,
      })
      .returning({ id: jobs.id, updatedAt: jobs.updatedAt });
    if (links.length) await tx.insert(jobSkills).values(links.map((l) => ({ jobId: row!.id, ...l })));
    return row!;
  });
  scheduleEmbedding(deps, [{ id: job.id, updatedAt: job.updatedAt! }]);
  return job.id;
}

/** `companyId`: the company the job is posted for (jobs.employer_id), resolved by the caller's membership. */
export async function updateJob(deps: JobsDeps, userId: number, input: UpdateJobInput) {
  const current = await requireJobAccess(deps.db, userId, input.id, 'manage');
  assertFutureExpiry(input.expiresAt, deps.now);
  const { id, skills: skillInput, ...fields } = input;
  const links = skillInput ? await skillLinks(deps.db, skillInput) : null;
  const textChanged = ['title', 'description', 'requirements'].some(
    (k) =>
      k in fields &&
      JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(current[k as keyof typeof current]),
  );
  try {
    await deps.db.transaction(async (tx) => {
      await tx
        .update(jobs)
        .set({ ...fields, updatedAt: deps.now, ...(textChanged || links ? { embeddedAt: null } : {}) })
        .where(and(eq(jobs.id, id), eq(jobs.employerId, current.employerId)));
      if (links) {
        await tx.delete(jobSkills).where(eq(jobSkills.jobId, id));
        if (links.length) await tx.insert(jobSkills).values(links.map((l) => ({ jobId: id, ...l })));
      }
    });
  } catch (error) {
    if (isCheckViolation(error))
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'salaryMax: The minimum salary cannot be above the maximum.',
      });
    throw error;
  }
  if (textChanged || links) scheduleEmbedding(deps, [{ id, updatedAt: deps.now }]);
  return id;
}

/**
 * The status workflow: draft -> active -> closed, a draft may be dropped (closed), a closed job
 * reopened. Back to draft only while nobody applied; reopening only before the expiry date.
 */
const TRANSITIONS: Record<string, readonly string[]> = {
  draft: ['active', 'closed'],
  active: ['closed', 'draft'],
  closed: ['active'],
};

export async function setJobStatus(
  deps: Pick<JobsDeps, 'db' | 'now'>,
  userId: number,
  jobId: number,
  status: 'draft' | 'active' | 'closed',
) {
  const job = await requireJobAccess(deps.db, userId, jobId, 'manage');
  if (job.status === status) return { id: jobId, status };
  if (!TRANSITIONS[job.status]?.includes(status)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `A ${job.status} job cannot become ${status}.` });
  }
  if (status === 'draft') {
    const [applied] = await deps.db.select({ n: count() }).from(applications).where(eq(applications.jobId, jobId));
    if ((applied?.n ?? 0) > 0)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'People have applied to this job, so it cannot go back to draft. Close it instead.',
      });
  }
  if (status === 'active' && job.expiresAt && job.expiresAt <= deps.now) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This job has expired. Set a later expiry date, then post it again.',
    });
  }
  // Conditional on the status we read: of two simultaneous changes, one wins and the other is told.
  const updated = await deps.db
    .update(jobs)
    .set({ status, updatedAt: deps.now, ...(status === 'active' && !job.postedAt ? { postedAt: deps.now } : {}) })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, job.status)))
    .returning({ id: jobs.id });
  if (!updated.length)
    throw new TRPCError({ code: 'CONFLICT', message: 'This job was changed meanwhile. Reload it and try again.' });
  return { id: jobId, status };
}

/** The sweep: active jobs past their expiry close themselves (a Cron Trigger, a timer under Node). */
export async function closeExpiredJobs(db: Queryable, now: Date): Promise<number> {
  const closed = await db
    .update(jobs)
    .set({ status: 'closed', updatedAt: now })
    .where(and(eq(jobs.status, 'active'), lte(jobs.expiresAt, now)))
    .returning({ id: jobs.id });
  return closed.length;
}

/** Only active, unexpired jobs reach seekers and matching. */
export const visibleToSeekers = (now: Date) =>
  sql`(${jobs.status} = 'active' and (${jobs.expiresAt} is null or ${jobs.expiresAt} > ${now.toISOString()}::timestamptz))`;
