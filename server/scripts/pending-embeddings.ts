/**
 * Fills embeddings that are missing, pending or made by another model: after an outage of the
 * embedding provider, or a change of model (`npm run embeddings:rebuild`).
 */
import { and, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { jobSeekers, jobs } from '../../db/schema.ts';
import { embedJobs } from '../jobs/embedding.ts';
import { embedResume } from '../seekers/resume.ts';
import type { Embedder } from '../ai/types.ts';

export async function embedPending(
  db: Database,
  embedder: Embedder,
  options: { all?: boolean } = {},
): Promise<{ resumes: number; failed: number }> {
  const stale = options.all
    ? isNotNull(jobSeekers.resumeText)
    : and(
        isNotNull(jobSeekers.resumeText),
        or(
          isNull(jobSeekers.resumeEmbeddedAt),
          lt(jobSeekers.resumeEmbeddedAt, jobSeekers.resumeUpdatedAt),
          ne(jobSeekers.resumeEmbeddingModel, embedder.model),
        ),
      );
  const seekers = await db
    .select({ id: jobSeekers.id, version: jobSeekers.resumeUpdatedAt })
    .from(jobSeekers)
    .where(stale);
  let resumes = 0;
  let failed = 0;
  for (const seeker of seekers) {
    if (!seeker.version) continue;
    try {
      if (await embedResume(db, embedder, seeker.id, seeker.version)) resumes++;
    } catch {
      failed++;
    }
  }
  return { resumes, failed };
}

/** Jobs whose embeddings are missing, older than their last change, or of another model. */
export async function embedPendingJobs(
  db: Database,
  embedder: Embedder,
  options: { all?: boolean } = {},
): Promise<{ embedded: number[] }> {
  const stale = options.all
    ? undefined
    : or(
        isNull(jobs.embeddedAt),
        lt(jobs.embeddedAt, jobs.updatedAt),
        ne(jobs.embeddingModel, embedder.model),
        isNull(jobs.embeddingModel),
      );
  const rows = await db
    .select({ id: jobs.id, updatedAt: jobs.updatedAt, createdAt: jobs.createdAt })
    .from(jobs)
    .where(stale);
  const embedded: number[] = [];
  for (let start = 0; start < rows.length; start += 50) {
    const batch = rows.slice(start, start + 50).map((r) => ({ id: r.id, updatedAt: r.updatedAt ?? r.createdAt }));
    embedded.push(...(await embedJobs(db, embedder, batch)));
  }
  return { embedded };
}
