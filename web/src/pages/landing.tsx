import { A, useNavigate } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, onMount, Show } from 'solid-js';
import { salaryLabel } from '../lib/format.ts';
import { LATEST_JOBS_INPUT, latestJobsKey } from '../lib/public-queries.ts';
import { trpc } from '../lib/trpc.ts';

export default function Landing() {
  const navigate = useNavigate();
  const [q, setQ] = createSignal('');
  let box!: HTMLInputElement;
  // Hydration keeps what was typed before the script arrived; the signal takes it over.
  onMount(() => setQ(box.value));
  const latest = useQuery(() => ({
    queryKey: latestJobsKey(),
    queryFn: () => trpc.jobs.search.query(LATEST_JOBS_INPUT),
    staleTime: 60_000,
  }));
  return (
    <>
      <section class="hero">
        <h1>Find the work that fits you</h1>
        <p class="lead">
          Add your resume and see the jobs that match your skills, each with a plain explanation of why.
        </p>
        {/* action and name: before the script arrives, Enter still searches (the server renders /jobs?q=). */}
        {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is the landmark every screen reader announces; the <search> element is not yet */}
        <form
          class="search-bar"
          role="search"
          action="/jobs"
          method="get"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(q().trim() ? `/jobs?q=${encodeURIComponent(q().trim())}` : '/jobs');
          }}
        >
          <label for="landing-q" class="visually-hidden">
            Search jobs
          </label>
          <input
            ref={box}
            id="landing-q"
            name="q"
            type="search"
            placeholder="Job title, skill or company"
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            Search jobs
          </button>
        </form>
        <p class="muted hero-links">
          Hiring? <A href="/signup?as=employer">Post a job</A> and see the candidates ranked for it.
        </p>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest jobs</h2>
        <Show
          when={latest.data}
          fallback={
            <div class="skeleton-block" aria-busy="true">
              <div class="skeleton-line" />
              <div class="skeleton-line" />
            </div>
          }
        >
          <ul class="grid">
            <For each={latest.data!.items}>
              {(job) => (
                <li class="card">
                  <A href={`/jobs/${job.id}`} class="job-title">
                    {job.title}
                  </A>
                  <p class="muted">
                    {job.companyName} · {job.location ?? ''}
                  </p>
                  <Show when={salaryLabel(job.salaryMin, job.salaryMax, job.currency)}>
                    {(s) => <p class="salary">{s()}</p>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
