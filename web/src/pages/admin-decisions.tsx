import { useInfiniteQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, ScrollRegion, Skeleton } from '../components/ui.tsx';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';

type Page = RouterOutputs['audit']['decisions'];

/** The AI decision log: every score produced, with the algorithm, the models and the time. */
function DecisionLog() {
  const [seekerId, setSeekerId] = createSignal<number | undefined>();
  const [jobId, setJobId] = createSignal<number | undefined>();
  const log = useInfiniteQuery(() => ({
    queryKey: ['audit', 'decisions', seekerId(), jobId()],
    queryFn: ({ pageParam }) =>
      trpc.audit.decisions.query({ seekerId: seekerId(), jobId: jobId(), beforeId: pageParam ?? undefined, limit: 50 }),
    initialPageParam: null as number | null,
    getNextPageParam: (last: Page) => last.nextBeforeId,
  }));
  const items = () => log.data?.pages.flatMap((p) => p.items) ?? [];
  const idFrom = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);
  return (
    <>
      <div class="filters">
        <label class="inline-field">
          Seeker id <input inputmode="numeric" size={8} onChange={(e) => setSeekerId(idFrom(e.currentTarget.value))} />
        </label>
        <label class="inline-field">
          Job id <input inputmode="numeric" size={8} onChange={(e) => setJobId(idFrom(e.currentTarget.value))} />
        </label>
      </div>
      <Switch>
        <Match when={log.isPending}>
          <Skeleton lines={8} label="Loading the decision log" />
        </Match>
        <Match when={log.isError}>
          <ErrorBox error={log.error} retry={() => log.refetch()} />
        </Match>
        <Match when={items().length === 0}>
          <Empty title="No decisions recorded" />
        </Match>
        <Match when={items().length > 0}>
          <ScrollRegion label="AI decisions">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Seeker</th>
                  <th scope="col">Job</th>
                  <th scope="col">Score</th>
                  <th scope="col">Algorithm</th>
                  <th scope="col">Embedding model</th>
                  <th scope="col">Parser model</th>
                  <th scope="col">Reasoning</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(d) => (
                    <tr>
                      <td>{d.createdAt.replace('T', ' ').slice(0, 19)}</td>
                      <td>{d.seekerId ?? 'erased'}</td>
                      <td>{d.jobId}</td>
                      <td>{Math.round(d.overallScore * 100)}%</td>
                      <td>
                        {d.algorithmVersion}
                        {d.experimentName ? ` (${d.experimentName})` : ''}
                      </td>
                      <td>{d.embeddingModel ?? '—'}</td>
                      <td>{d.parserModel ?? '—'}</td>
                      <td>{d.reasoningModel}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollRegion>
          <Show when={log.hasNextPage}>
            <button type="button" class="button button-secondary" onClick={() => log.fetchNextPage()}>
              Older decisions
            </button>
          </Show>
        </Match>
      </Switch>
    </>
  );
}

export default function AdminDecisions() {
  return (
    <RequireRole role="admin">
      {() => (
        <div class="stack wide">
          <h1>AI decision log</h1>
          <p class="muted">
            Every match score and explanation the platform produced, newest first, kept at least 6 months.
          </p>
          <DecisionLog />
        </div>
      )}
    </RequireRole>
  );
}
