import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { UnavailableJob } from '../lib/public-queries.ts';
import { NotFoundState } from './ui.tsx';

/** A closed job's page (answered 410): it says so and points to similar open jobs. */
export function UnavailableJobState(props: { job: UnavailableJob }) {
  return (
    <Show when={props.job.reason === 'closed'} fallback={<NotFoundState message="There is no job at this address." />}>
      <section class="panel stack">
        <h1>This job is closed</h1>
        <p>
          {props.job.title
            ? `"${props.job.title}" no longer takes applications.`
            : 'This job no longer takes applications.'}{' '}
          <A href="/jobs">Browse all jobs</A>.
        </p>
        <Show when={props.job.similar.length}>
          <h2>Similar open jobs</h2>
          <ul class="cards">
            <For each={props.job.similar}>
              {(hit) => (
                <li class="card">
                  <A href={`/jobs/${hit.id}`} class="job-title">
                    {hit.title}
                  </A>
                  <p class="muted">
                    {hit.companyName} · {hit.location ?? 'Location not stated'}
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
