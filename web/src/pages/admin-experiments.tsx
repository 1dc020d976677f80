import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { METRIC_LABEL, RateCell, RateChart, type Metric } from '../components/rates.tsx';
import { Empty, ErrorBox, ScrollRegion, Skeleton } from '../components/ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { statusClass } from '../lib/status.ts';
import { trpc } from '../lib/trpc.ts';

const METRICS: Metric[] = ['viewed', 'applied', 'interview', 'notRelevant'];
const VERDICT: Record<string, string> = {
  insufficient_data: 'not enough data yet',
  no_significant_difference: 'no significant difference',
  variant_higher: 'significantly higher',
  variant_lower: 'significantly lower',
};

function StartExperiment(props: { algorithms: { name: string; description: string }[]; onStarted: () => void }) {
  const [arms, setArms] = createSignal([
    { algorithm: props.algorithms[0]?.name ?? '', share: 50 },
    { algorithm: props.algorithms[1]?.name ?? '', share: 50 },
  ]);
  const form = useFormAction(async (data) => {
    await trpc.experiments.start.mutate({
      name: String(data.get('name') ?? ''),
      arms: arms().map((a) => ({ algorithm: a.algorithm, share: a.share / 100 })),
    });
    props.onStarted();
  });
  const update = (i: number, patch: Partial<{ algorithm: string; share: number }>) =>
    setArms(arms().map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <form onSubmit={form.submit} novalidate class="panel">
      <h2>Start an experiment</h2>
      <p class="muted">
        Each seeker is put in one arm by a hash of their id and the experiment's name, and stays there. The first arm is
        the control.
      </p>
      <FormError message={form.problem()?.message ?? null} />
      <Field id="experiment-name" label="Name" errors={form.errors('name')}>
        <input id="experiment-name" name="name" maxLength={100} aria-describedby="experiment-name-error" />
      </Field>
      <Index each={arms()}>
        {(arm, i) => (
          <div class="arm-row">
            <label>
              Arm {i + 1} algorithm{' '}
              <select value={arm().algorithm} onChange={(e) => update(i, { algorithm: e.currentTarget.value })}>
                <For each={props.algorithms}>{(a) => <option value={a.name}>{a.name}</option>}</For>
              </select>
            </label>
            <label>
              Share %{' '}
              <input
                type="number"
                min="1"
                max="99"
                value={arm().share}
                onInput={(e) => update(i, { share: Number(e.currentTarget.value) })}
              />
            </label>
          </div>
        )}
      </Index>
      <Show when={form.errors('arms')}>
        <FormError message={form.errors('arms')!.join(' ')} />
      </Show>
      <button type="submit" class="button" disabled={form.busy()}>
        Start
      </button>
      <ul class="muted small">
        <For each={props.algorithms}>
          {(a) => (
            <li>
              <strong>{a.name}</strong>: {a.description}
            </li>
          )}
        </For>
      </ul>
    </form>
  );
}

function Results(props: { id: number }) {
  const results = useQuery(() => ({
    queryKey: ['experiments', 'results', props.id],
    queryFn: () => trpc.experiments.results.query({ id: props.id }),
  }));
  return (
    <Switch>
      <Match when={results.isPending}>
        <Skeleton lines={3} />
      </Match>
      <Match when={results.isError}>
        <ErrorBox error={results.error} />
      </Match>
      <Match when={results.data}>
        {(data) => (
          <>
            <ScrollRegion label="Experiment results">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Arm</th>
                    <th scope="col">Matches</th>
                    <For each={METRICS}>{(m) => <th scope="col">{METRIC_LABEL[m]} (95% interval)</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().arms}>
                    {(arm) => (
                      <tr>
                        <th scope="row">
                          {arm.algorithm}
                          {arm.control ? ' (control)' : ''}
                        </th>
                        <td>{arm.counts.shown}</td>
                        <For each={METRICS}>{(m) => <RateCell rate={arm.rates[m]} />}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </ScrollRegion>
            <ul class="verdicts">
              <For each={data().arms.filter((a) => a.comparisons)}>
                {(arm) => (
                  <For each={METRICS}>
                    {(m) => (
                      <li>
                        {arm.algorithm} vs control, {METRIC_LABEL[m].toLowerCase()} rate:{' '}
                        <strong>{VERDICT[arm.comparisons![m].verdict]}</strong>
                        <Show when={arm.comparisons![m].pValue !== null}>
                          {' '}
                          (p = {arm.comparisons![m].pValue!.toFixed(3)})
                        </Show>
                      </li>
                    )}
                  </For>
                )}
              </For>
            </ul>
            <RateChart
              title="Apply rate per week, by arm"
              weeks={[...new Set(data().arms.flatMap((a) => a.weeks.map((w) => w.week)))].sort()}
              series={data().arms.map((a) => ({
                name: a.algorithm,
                points: a.weeks.map((w) => ({ week: w.week, rate: w.rates.applied })),
              }))}
            />
          </>
        )}
      </Match>
    </Switch>
  );
}

function Quality() {
  const quality = useQuery(() => ({
    queryKey: ['experiments', 'quality'],
    queryFn: () => trpc.experiments.quality.query(),
  }));
  const weeks = () => [...new Set((quality.data ?? []).map((r) => r.week))].sort();
  const algorithms = () => [...new Set((quality.data ?? []).map((r) => r.algorithm))];
  return (
    <section class="panel">
      <h2>Match quality over time</h2>
      <p class="muted">
        Per algorithm and week of scoring: the share of matches viewed, applied to, that reached interview, and marked
        not relevant.
      </p>
      <Switch>
        <Match when={quality.isPending}>
          <Skeleton lines={3} />
        </Match>
        <Match when={quality.isError}>
          <ErrorBox error={quality.error} />
        </Match>
        <Match when={quality.data?.length === 0}>
          <Empty title="No matches scored yet" />
        </Match>
        <Match when={quality.data}>
          {(rows) => (
            <>
              <ScrollRegion label="Match quality by algorithm">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Week of</th>
                      <th scope="col">Algorithm</th>
                      <th scope="col">Matches</th>
                      <For each={METRICS}>{(m) => <th scope="col">{METRIC_LABEL[m]}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows()}>
                      {(row) => (
                        <tr>
                          <td>{row.week}</td>
                          <th scope="row">{row.algorithm}</th>
                          <td>{row.counts.shown}</td>
                          <For each={METRICS}>{(m) => <RateCell rate={row.rates[m]} />}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </ScrollRegion>
              <RateChart
                title="View rate per week, by algorithm"
                weeks={weeks()}
                series={algorithms().map((name) => ({
                  name,
                  points: rows()
                    .filter((r) => r.algorithm === name)
                    .map((r) => ({ week: r.week, rate: r.rates.viewed })),
                }))}
              />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function Experiments() {
  const client = useQueryClient();
  const list = useQuery(() => ({ queryKey: ['experiments', 'list'], queryFn: () => trpc.experiments.list.query() }));
  const [open, setOpen] = createSignal<number | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['experiments'] });
  const stop = async (id: number) => {
    await trpc.experiments.stop.mutate({ id });
    refresh();
  };
  return (
    <Switch>
      <Match when={list.isPending}>
        <Skeleton lines={4} />
      </Match>
      <Match when={list.isError}>
        <ErrorBox error={list.error} retry={() => list.refetch()} />
      </Match>
      <Match when={list.data}>
        {(data) => (
          <>
            <Show when={!data().experiments.some((e) => e.status === 'running')}>
              <StartExperiment algorithms={data().algorithms} onStarted={refresh} />
            </Show>
            <section class="panel">
              <h2>Experiments</h2>
              <Show
                when={data().experiments.length}
                fallback={<p class="muted">None yet. Every seeker is scored with blend-v1.</p>}
              >
                <ul class="cards">
                  <For each={data().experiments}>
                    {(e) => (
                      <li class="card experiment-card">
                        <div class="match-head">
                          <h3>{e.name}</h3>
                          <span class={statusClass(e.status === 'running' ? 'running' : 'stopped')}>{e.status}</span>
                        </div>
                        <p class="muted">
                          {e.arms.map((a) => `${a.algorithm} ${Math.round(a.share * 100)}%`).join(' · ')} · since{' '}
                          {dateLabel(e.startedAt)}
                        </p>
                        <div class="actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            onClick={() => setOpen(open() === e.id ? null : e.id)}
                          >
                            {open() === e.id ? 'Hide results' : 'Results'}
                          </button>
                          <Show when={e.status === 'running'}>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              onClick={() => stop(e.id)}
                            >
                              Stop
                            </button>
                          </Show>
                        </div>
                        <Show when={open() === e.id}>
                          <Results id={e.id} />
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </>
        )}
      </Match>
    </Switch>
  );
}

export default function AdminExperiments() {
  return (
    <RequireRole role="admin">
      {() => (
        <div class="stack wide">
          <h1>Matching experiments</h1>
          <Experiments />
          <Quality />
        </div>
      )}
    </RequireRole>
  );
}
