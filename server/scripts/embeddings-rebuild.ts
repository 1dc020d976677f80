/**
 * `npm run embeddings:rebuild`: fills the embeddings that are missing, pending or made by another
 * model (`-- --all`: every one), then regenerates the matches of what changed.
 */
import { openNodeDatabase } from '../../db/client.ts';
import { createProviders } from '../providers.ts';
import { embedPendingJobs, embedPending } from './pending-embeddings.ts';
import { parseConfig } from '../config.ts';
import { createDomainHooks } from '../hooks.ts';

const config = parseConfig(process.env);
const database = await openNodeDatabase(config);
const ai = createProviders(config);
const all = process.argv.includes('--all');
try {
  const hooks = createDomainHooks(database.db, ai, () => new Date(), config.matchingAlgorithm);
  const jobs = await embedPendingJobs(database.db, ai.embedder, { all });
  console.log(`Jobs embedded with ${ai.embedder.model}: ${jobs.embedded.length}.`);
  await hooks.onJobsEmbedded(jobs.embedded);
  const resumes = await embedPending(database.db, ai.embedder, { all });
  console.log(`Resumes embedded: ${resumes.resumes}; failed: ${resumes.failed}.`);
} finally {
  await database.close();
}
