import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { type JobRequirements, jobSkills, jobs, skills } from '../../db/schema.ts';
import type { Embedder } from '../ai/types.ts';

/** What a job's two embeddings read: what the work is, and what it asks of a person. */
export function jobEmbeddingTexts(
  job: { title: string; description: string; requirements: JobRequirements | null },
  skillRows: { name: string; required: boolean }[],
) {
  const requirements = job.requirements ?? {};
  const asked = [
    skillRows
      .filter((s) => s.required)
      .map((s) => s.name)
      .join(', '),
    skillRows
      .filter((s) => !s.required)
      .map((s) => s.name)
      .join(', '),
    requirements.experienceYears ? `${requirements.experienceYears} years of experience` : '',
    requirements.education ?? '',
    (requirements.certifications ?? []).join(', '),
    (requirements.languages ?? []).join(', '),
    requirements.notes ?? '',
  ].filter(Boolean);
  return {
    description: `${job.title}\n${job.title}\n${job.description}\n${skillRows.map((s) => s.name).join(', ')}`,
    requirements: `${job.title}\n${asked.join('\n') || job.description}`,
  };
}

/**
 * Embeds jobs as they are at `versions` (their updated_at); an edit made meanwhile wins, since
 * the write is conditional. Returns the ids embedded.
 */
export async function embedJobs(
  db: Queryable,
  embedder: Embedder,
  versions: { id: number; updatedAt: Date }[],
  now = new Date(),
): Promise<number[]> {
  if (versions.length === 0) return [];
  const ids = versions.map((v) => v.id);
  const rows = await db
    .select({ id: jobs.id, title: jobs.title, description: jobs.description, requirements: jobs.requirements })
    .from(jobs)
    .where(inArray(jobs.id, ids));
  const links = await db
    .select({
      jobId: jobSkills.jobId,
      name: sql<string>`coalesce(${skills.name}, ${jobSkills.customName})`,
      required: jobSkills.required,
    })
    .from(jobSkills)
    .leftJoin(skills, eq(skills.id, jobSkills.skillId))
    .where(inArray(jobSkills.jobId, ids));
  const texts = rows.map((row) =>
    jobEmbeddingTexts(
      row,
      links.filter((l) => l.jobId === row.id),
    ),
  );
  const vectors = await embedder.embed(texts.flatMap((t) => [t.description, t.requirements]));
  const embedded: number[] = [];
  for (const [i, row] of rows.entries()) {
    const version = versions.find((v) => v.id === row.id)!.updatedAt;
    const updated = await db
      .update(jobs)
      .set({
        descriptionEmbedding: vectors[2 * i],
        requirementsEmbedding: vectors[2 * i + 1],
        embeddingModel: embedder.model,
        embeddedAt: now,
      })
      .where(and(eq(jobs.id, row.id), eq(jobs.updatedAt, version)))
      .returning({ id: jobs.id });
    if (updated.length) embedded.push(row.id);
  }
  return embedded;
}
