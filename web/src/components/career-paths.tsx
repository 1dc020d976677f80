import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Show } from 'solid-js';
import { percent } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';

/** The few skills that would open the most additional good matches, with the jobs they open. */
export function CareerPaths() {
  const paths = useQuery(() => ({
    queryKey: ['matches', 'careerPaths'],
    queryFn: () => trpc.matches.careerPaths.query({}),
  }));
  return (
    <Show when={paths.data?.suggestions.length ? paths.data : undefined}>
      {(data) => (
        <section class="panel career-paths" aria-labelledby="career-paths-title">
          <h2 id="career-paths-title">Skills that would open more jobs</h2>
          <p class="muted">
            From the jobs posted now that match you and the jobs one step up. You have {data().goodMatchesNow}{' '}
            {data().goodMatchesNow === 1 ? 'match' : 'matches'} at {percent(data().threshold)} or more.
          </p>
          <ul>
            <For each={data().suggestions}>
              {(s) => (
                <li>
                  <strong>Learning {s.skill.name}</strong> would add {s.additionalMatches}{' '}
                  {s.additionalMatches === 1 ? 'match' : 'matches'} at {percent(data().threshold)} or more:{' '}
                  <For each={s.jobs}>
                    {(job, i) => (
                      <>
                        {i() > 0 ? ', ' : ''}
                        <A href={`/jobs/${job.id}`}>{job.title}</A> at {job.companyName} ({percent(job.scoreNow)} →{' '}
                        {percent(job.scoreWith)}
                        {job.stepUp ? ', a step up' : ''})
                      </>
                    )}
                  </For>
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </Show>
  );
}
