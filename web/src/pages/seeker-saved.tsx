import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { RequireRole } from '../components/guard.tsx';
import { SaveJobButton, useSavedJobs } from '../components/save-job.tsx';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { statusClass } from '../lib/status.ts';
import { dateLabel } from '../lib/format.ts';

function SavedList() {
  const saved = useSavedJobs(() => true);
  return (
    <Switch>
      <Match when={saved.isPending}>
        <Skeleton lines={4} label="Loading your saved jobs" />
      </Match>
      <Match when={saved.isError}>
        <ErrorBox error={saved.error} retry={() => saved.refetch()} />
      </Match>
      <Match when={saved.data?.length === 0}>
        <Empty title="No saved jobs yet">
          <p>
            Press “Save” on a job to keep it here. <A href="/jobs">Search jobs</A>
          </p>
        </Empty>
      </Match>
      <Match when={saved.data}>
        <ul class="cards">
          <For each={saved.data}>
            {(job) => (
              <li class="card saved-card">
                <div class="match-head">
                  <h2 class="job-title">
                    <A href={`/jobs/${job.jobId}`}>{job.title}</A>
                  </h2>
                  <Show when={job.closed}>
                    <span class={statusClass('closed')}>Closed</span>
                  </Show>
                </div>
                <p class="muted">
                  {job.companyName} · {job.location ?? 'Location not stated'}
                  {job.remoteAllowed ? ' · Remote possible' : ''} · saved {dateLabel(job.savedAt)}
                </p>
                <SaveJobButton jobId={job.jobId} title={job.title} />
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

export default function SeekerSaved() {
  return (
    <RequireRole role="job_seeker">
      {() => (
        <div class="stack wide">
          <h1>Saved jobs</h1>
          <SavedList />
        </div>
      )}
    </RequireRole>
  );
}
