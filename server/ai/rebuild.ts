/**
 * Fills embeddings that are missing, pending or made by another model: after an outage of the
 * embedding provider, or a change of model (`npm run embeddings:rebuild`).
 */
import { and, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { jobSeekers } from '../../db/schema.ts';
import { embedResume } from '../seekers/resume.ts';
import type { Embedder } from './types.ts';

export async function embedPending(db: Database, embedder: Embedder, options: { all?: boolean } = {}): Promise<{ resumes: number; failed: number }> {
  const stale = options.all
    ? isNotNull(jobSeekers.resumeText)
    : and(
        isNotNull(jobSeekers.resumeText),
        or(isNull(jobSeekers.resumeEmbeddedAt), lt(jobSeekers.resumeEmbeddedAt, jobSeekers.resumeUpdatedAt), ne(jobSeekers.resumeEmbeddingModel, embedder.model)),
      );
  const seekers = await db.select({ id: jobSeekers.id, version: jobSeekers.resumeUpdatedAt }).from(jobSeekers).where(stale);
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

