import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Empty, ErrorBox, NotFoundState, Skeleton } from '../components/ui.tsx';
import { dateLabel, employmentLabel, salaryLabel } from '../lib/format.ts';
import { companyKey, recordIdOf } from '../lib/public-queries.ts';
import { trpc } from '../lib/trpc.ts';

const SIZE_LABEL: Record<string, string> = {
  startup: 'Startup',
  small: 'Small',
  medium: 'Medium-sized',
  large: 'Large',
};

/** A company's public page: its profile and its open jobs (the server renders it for search engines). */
export default function CompanyPage() {
  const params = useParams<{ id: string }>();
  const companyId = () => recordIdOf(params.id);
  const company = useQuery(() => ({
    queryKey: companyKey(companyId()),
    queryFn: () => trpc.companies.get.query({ id: companyId()! }),
    enabled: companyId() !== null,
    staleTime: 60_000,
  }));
  return (
    <Switch>
      <Match when={companyId() === null}>
        <NotFoundState message="There is no company at this address." />
      </Match>
      <Match when={company.isPending}>
        <Skeleton lines={6} label="Loading the company" />
      </Match>
      <Match when={company.isError}>
        <ErrorBox error={company.error} retry={() => company.refetch()} />
      </Match>
      <Match when={company.data}>
        {(data) => (
          <article class="stack company-page">
            <header>
              <h1>{data().companyName}</h1>
              <p class="muted">
                {[data().industry, data().companySize ? `${SIZE_LABEL[data().companySize!] ?? ''} company` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <Show when={data().website}>
                {(website) => (
                  <p>
                    <a href={website()} rel="nofollow noopener" target="_blank">
                      {website().replace(/^https?:\/\//, '')}
                    </a>
                  </p>
                )}
              </Show>
            </header>
            <section aria-labelledby="company-jobs">
              <h2 id="company-jobs">Open jobs</h2>
              <Show
                when={data().jobs.length}
                fallback={<Empty title="No open jobs right now">{<A href="/jobs">Browse all jobs</A>}</Empty>}
              >
                <ul class="cards">
                  <For each={data().jobs}>
                    {(job) => (
                      <li class="card job-card">
                        <h3 class="job-title">
                          <A href={`/jobs/${job.id}`}>{job.title}</A>
                        </h3>
                        <p class="muted">
                          {job.location ?? 'Location not stated'}
                          {job.remoteAllowed ? ' · Remote possible' : ''}
                          {job.employmentType ? ` · ${employmentLabel(job.employmentType)}` : ''}
                        </p>
                        <Show when={salaryLabel(job.salaryMin, job.salaryMax, job.currency)}>
                          {(salary) => <p class="salary">{salary()}</p>}
                        </Show>
                        <p class="hit-meta">Posted {dateLabel(job.postedAt)}</p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </article>
        )}
      </Match>
    </Switch>
  );
}
