import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { useAction } from '../lib/form.ts';
import { useMe } from '../lib/session.ts';
import { trpc } from '../lib/trpc.ts';
import { InlineError } from './field.tsx';

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
  const action = useAction();
  const isSaved = () => saved.data?.some((s) => s.jobId === props.jobId) ?? false;
  const toggle = () =>
    action.run(async () => {
      if (isSaved()) await trpc.jobs.unsave.mutate({ jobId: props.jobId });
      else await trpc.jobs.save.mutate({ jobId: props.jobId });
      await client.invalidateQueries({ queryKey: ['jobs', 'saved'] });
    });
  return (
    <Show when={isSeeker() && saved.isSuccess}>
      <button
        type="button"
        class="button button-secondary button-small save-job"
        aria-pressed={isSaved()}
        aria-label={`${isSaved() ? 'Saved' : 'Save'}: ${props.title}`}
        disabled={action.busy()}
        onClick={toggle}
      >
        {isSaved() ? '★ Saved' : '☆ Save'}
      </button>
      <InlineError message={action.problem() && 'Could not save. Try again.'} />
    </Show>
  );
}
