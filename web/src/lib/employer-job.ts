import { useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { jobKey } from './public-queries.ts';
import { trpc } from './trpc.ts';

/**
 * One of the employer's jobs (drafts and closed ones too), under the key the job's public page
 * reads, so a change invalidated under ['jobs'] refreshes every page that shows it. `null`: none
 * yet (the editor of a new job).
 */
export function useEmployerJob(id: () => number | null) {
  return useQuery(() => ({
    queryKey: jobKey(id()),
    queryFn: () => trpc.jobs.get.query({ id: id() ?? 0 }),
    enabled: id() !== null,
  }));
}

/** The job a page's `:id` names, with its query. */
export function useEmployerJobOfPage() {
  const params = useParams<{ id: string }>();
  const jobId = () => Number(params.id);
  return { jobId, job: useEmployerJob(jobId) };
}
