import type { Database } from '../db/database.ts';
import type { AiProviders } from './ai/types.ts';
import { experimentChooser } from './experiments/assignment.ts';
import { DEFAULT_ALGORITHM } from './matching/algorithms.ts';
import { generateMatchesForJob, generateMatchesForSeeker } from './matching/generate.ts';
import type { DomainHooks } from './trpc.ts';

/**
 * What follows a change, across domains: new embeddings bring new matches, scored by the
 * running experiment's arms or else `matchingAlgorithm` (MATCHING_ALGORITHM).
 */
export function createDomainHooks(
  db: Database,
  ai: AiProviders,
  clock: () => Date,
  matchingAlgorithm = DEFAULT_ALGORITHM,
): DomainHooks {
  const choose = experimentChooser(matchingAlgorithm);
  return {
    async onJobsEmbedded(jobIds) {
      for (const jobId of jobIds) await generateMatchesForJob(db, ai, jobId, clock(), choose);
    },
    async onResumeEmbedded(seekerId) {
      await generateMatchesForSeeker(db, ai, seekerId, clock(), choose);
    },
  };
}
