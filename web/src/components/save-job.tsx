import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, Show } from 'solid-js';
import { useMe } from '../lib/session.ts';
import { trpc } from '../lib/trpc.ts';

/** The saved-jobs list, shared by every Save button on a page (one request for all of them). */
export function useSavedJobs(enabled: () => boolean) {
  return useQuery(() => ({
    queryKey: ['jobs', 'saved'],
    queryFn: () => trpc.jobs.saved.query(),
    enabled: enabled(),
    staleTime: 30_000,
  }));
}

/** "Save" / "Saved" on a job, for signed-in seekers; nothing for anyone else. */
export function SaveJobButton(props: { jobId: number; title: string }) {
  const me = useMe();
  const client = useQueryClient();
  const isSeeker = () => me.data?.userType === 'job_seeker';
  const saved = useSavedJobs(isSeeker);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const isSaved = () => saved.data?.some((s) => s.jobId === props.jobId) ?? false;
  const toggle = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (isSaved()) await trpc.jobs.unsave.mutate({ jobId: props.jobId });
      else await trpc.jobs.save.mutate({ jobId: props.jobId });
      await client.invalidateQueries({ queryKey: ['jobs', 'saved'] });
    } catch {
      setProblem('Could not save. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={isSeeker() && saved.isSuccess}>
      <button
        type="button"
        class="button button-secondary button-small save-job"
        aria-pressed={isSaved()}
        aria-label={`${isSaved() ? 'Saved' : 'Save'}: ${props.title}`}
        disabled={busy()}
        onClick={toggle}
      >
        {isSaved() ? '★ Saved' : '☆ Save'}
      </button>
      <Show when={problem()}>
        {(message) => (
          <span class="alert-error" role="alert">
            {message()}
          </span>
        )}
      </Show>
    </Show>
  );
}
