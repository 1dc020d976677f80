import { A, useLocation, useSearchParams } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { createEffect, createSignal, For, Match, on, onMount, Show, Switch } from 'solid-js';
import { rememberSearch } from '../lib/last-search.ts';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { CorrectedQuery, SearchFacets, SortChoice } from '../components/search-facets.tsx';
import { dateLabel, employmentLabel, EMPLOYMENT_TYPES, salaryLabel } from '../lib/format.ts';
import { searchInputOf, searchKey } from '../lib/public-queries.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';
import { SaveJobButton } from '../components/save-job.tsx';
import { CompanyMark } from '../components/company-mark.tsx';
import { alertFilters, SearchAlert } from '../components/search-alert.tsx';

type Hit = RouterOutputs['jobs']['search']['items'][number];

function Highlighted(props: { segments: { text: string; match: boolean }[] }) {
  return <For each={props.segments}>{(s) => (s.match ? <mark>{s.text}</mark> : s.text)}</For>;
}

function JobCard(props: { hit: Hit }) {
  return (
    <li class="card job-card">
      <h2 class="job-title">
        <A href={`/jobs/${props.hit.id}`}>
          <Highlighted segments={props.hit.titleSegments} />
        </A>
      </h2>
      <p class="muted">
        <CompanyMark name={props.hit.companyName} />
        {props.hit.companyName} · {props.hit.location ?? 'Location not stated'}
        {props.hit.remoteAllowed ? ' · Remote possible' : ''}
        {props.hit.employmentType ? ` · ${employmentLabel(props.hit.employmentType)}` : ''}
      </p>
      <SaveJobButton jobId={props.hit.id} title={props.hit.title} />
      <Show when={salaryLabel(props.hit.salaryMin, props.hit.salaryMax, props.hit.currency)}>
        {(salary) => <p class="salary">{salary()}</p>}
      </Show>
      <p class="snippet">
        <Highlighted segments={props.hit.snippet} />
      </p>
      <p class="hit-meta">
        Posted {dateLabel(props.hit.postedAt)}
        <Show when={props.hit.matchedBy.length}>
          {' · '}
          {props.hit.matchedBy.includes('text') && props.hit.matchedBy.includes('meaning')
            ? 'matches your words and their meaning'
            : props.hit.matchedBy.includes('text')
              ? 'matches your words'
              : 'related in meaning'}
        </Show>
      </p>
    </li>
  );
}

export default function JobsSearch() {
  const [params, setParams] = useSearchParams<{
    q?: string;
    location?: string;
    remote?: string;
    type?: string;
    salary?: string;
    company?: string;
    sort?: string;
  }>();
  const [q, setQ] = createSignal(params.q ?? '');
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const location = useLocation();
  let box!: HTMLInputElement;
  // Hydration keeps what was typed before the script arrived; the signal takes it over, so it is searched.
  onMount(() => {
    if (box.value !== q()) setQ(box.value);
  });
  // Back and Forward change the URL, not the box: the box follows, so it names what is shown.
  createEffect(
    on(
      () => params.q,
      (value) => setQ(value ?? ''),
      { defer: true },
    ),
  );
  createEffect(() => rememberSearch(location.search));
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Results as you type: the URL (and so the query) follows the box after a short pause.
  createEffect(() => {
    const value = q();
    clearTimeout(timer);
    timer = setTimeout(() => {
      if ((params.q ?? '') !== value) setParams({ q: value || undefined }, { replace: true });
    }, 250);
  });

  const input = () => searchInputOf(params);
  // The filters the search applies, not every parameter in the URL (`remote=yes` applies nothing).
  const activeFilters = () => {
    const { location, employmentType, salaryMin, remoteAllowed, companyId } = input();
    return [location, employmentType, salaryMin, remoteAllowed, companyId].filter((value) => value !== undefined)
      .length;
  };
  const search = useInfiniteQuery(() => ({
    queryKey: searchKey(input()),
    queryFn: ({ pageParam }) => trpc.jobs.search.query({ ...input(), cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 30_000,
  }));
  const hits = () => search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = () => search.data?.pages[0]?.total ?? 0;

  return (
    <div class="search-page">
      <h1 class="visually-hidden">Search jobs</h1>
      {/* action and name: before the script arrives, Enter still searches (the server renders /jobs?q=). */}
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is the landmark every screen reader announces; the <search> element is not yet */}
      <form
        class="search-bar"
        role="search"
        action="/jobs"
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: q() || undefined });
        }}
      >
        <label for="q" class="visually-hidden">
          Job title, skill or company
        </label>
        <input
          ref={box}
          id="q"
          name="q"
          type="search"
          placeholder="Job title, skill or company"
          value={q()}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <button class="button" type="submit">
          Search
        </button>
      </form>
      <div class="search-layout">
        <button
          type="button"
          class="button button-secondary filters-toggle"
          aria-expanded={filtersOpen()}
          aria-controls="filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters{activeFilters() ? ` (${activeFilters()})` : ''}
        </button>
        <aside class="filters" id="filters" aria-label="Filters" classList={{ open: filtersOpen() }}>
          <div class="field">
            <label for="location">Location</label>
            <input
              id="location"
              value={params.location ?? ''}
              placeholder="City"
              onChange={(e) => setParams({ location: e.currentTarget.value || undefined })}
            />
          </div>
          <div class="field">
            <label for="type">Type</label>
            <select id="type" onChange={(e) => setParams({ type: e.currentTarget.value || undefined })}>
              <option value="">Any</option>
              <For each={EMPLOYMENT_TYPES}>
                {([value, label]) => (
                  <option value={value} selected={params.type === value}>
                    {label}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="salary">Minimum salary (USD)</label>
            <input
              id="salary"
              type="number"
              min="0"
              step="1000"
              value={params.salary ?? ''}
              onChange={(e) => setParams({ salary: e.currentTarget.value || undefined })}
            />
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={params.remote === '1'}
              onChange={(e) => setParams({ remote: e.currentTarget.checked ? '1' : undefined })}
            />{' '}
            Remote possible
          </label>
          <Show when={search.data?.pages[0]?.facets}>
            {(facets) => <SearchFacets facets={facets()} params={params} onChange={(change) => setParams(change)} />}
          </Show>
        </aside>
        <section aria-live="polite" aria-busy={search.isFetching}>
          <CorrectedQuery corrected={search.data?.pages[0]?.correctedQuery} />
          <Switch>
            <Match when={search.isPending}>
              <Skeleton lines={6} label="Loading jobs" />
            </Match>
            <Match when={search.isError}>
              <ErrorBox error={search.error} retry={() => search.refetch()} />
            </Match>
            <Match when={hits().length === 0}>
              <Empty title="No jobs match this search">
                <p>Try fewer words, another spelling, or remove a filter.</p>
              </Empty>
            </Match>
            <Match when={hits().length > 0}>
              <div class="results-head">
                <p class="muted">
                  {total()} job{total() === 1 ? '' : 's'}
                </p>
                <SortChoice
                  value={params.sort ?? (params.q ? 'relevance' : 'newest')}
                  onChange={(sort) => setParams({ sort })}
                />
              </div>
              <SearchAlert q={input().q ?? ''} filters={alertFilters(input())} />
              <ul class="cards">
                <For each={hits()}>{(hit) => <JobCard hit={hit} />}</For>
              </ul>
              <Show when={search.hasNextPage}>
                <button
                  class="button button-secondary"
                  type="button"
                  disabled={search.isFetchingNextPage}
                  onClick={() => search.fetchNextPage()}
                >
                  {search.isFetchingNextPage ? 'Loading…' : 'More jobs'}
                </button>
              </Show>
            </Match>
          </Switch>
        </section>
      </div>
    </div>
  );
}
