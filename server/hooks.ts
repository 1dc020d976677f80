import type { Database } from '../db/database.ts';
import type { AiProviders } from './ai/types.ts';
import { generateMatchesForJob, generateMatchesForSeeker } from './matching/generate.ts';
import type { DomainHooks } from './trpc.ts';

/** What follows a change, across domains: new embeddings bring new matches. */
export function createDomainHooks(db: Database, ai: AiProviders, clock: () => Date): DomainHooks {
  return {
    async onJobsEmbedded(jobIds) {
      for (const jobId of jobIds) await generateMatchesForJob(db, ai, jobId, clock());
    },
    async onResumeEmbedded(seekerId) {
      await generateMatchesForSeeker(db, ai, seekerId, clock());
    },
  };
}
