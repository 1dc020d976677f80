import { A } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel, employmentLabel } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';

type Alert = RouterOutputs['alerts']['list'][number];

/** The filters of an alert in words, and the search page address that shows the same jobs. */
function describe(alert: Alert): { words: string; href: string } {
  const f = alert.filters;
  const parts = [
    f.location ? `in ${f.location}` : null,
    f.remoteAllowed ? 'remote possible' : null,
    f.employmentType ? employmentLabel(f.employmentType) : null,
    f.salaryMin ? `from ${f.salaryMin.toLocaleString('en-US')}` : null,
    f.skills?.length ? `skills: ${f.skills.join(', ')}` : null,
  ].filter(Boolean);
  const params = new URLSearchParams();
  if (alert.q) params.set('q', alert.q);
  if (f.location) params.set('location', f.location);
  if (f.remoteAllowed) params.set('remote', '1');
  if (f.employmentType) params.set('type', f.employmentType);
  if (f.salaryMin) params.set('salary', String(f.salaryMin));
  return { words: parts.join(' · '), href: `/jobs?${params}` };
}

function AlertList() {
  const client = useQueryClient();
  const alerts = useQuery(() => ({ queryKey: ['alerts', 'list'], queryFn: () => trpc.alerts.list.query() }));
  const remove = async (id: number) => {
    await trpc.alerts.delete.mutate({ id });
    await client.invalidateQueries({ queryKey: ['alerts'] });
  };
  return (
    <Switch>
      <Match when={alerts.isPending}>
        <Skeleton lines={3} label="Loading your alerts" />
      </Match>
      <Match when={alerts.isError}>
        <ErrorBox error={alerts.error} retry={() => alerts.refetch()} />
      </Match>
      <Match when={alerts.data?.length === 0}>
        <Empty title="No job alerts yet">
          <p>
            <A href="/jobs">Search jobs</A> and choose “Get alerts for this search”.
          </p>
        </Empty>
      </Match>
      <Match when={alerts.data}>
        <ul class="cards">
          <For each={alerts.data}>
            {(alert) => (
              <li class="card alert-card">
                <h3 class="job-title">
                  <A href={describe(alert).href}>{alert.q ? `“${alert.q}”` : 'All jobs'}</A>
                </h3>
                <p class="muted">
                  {alert.frequency === 'daily' ? 'Daily' : 'Weekly'} email
                  <Show when={describe(alert).words}>{(words) => ` · ${words()}`}</Show> · since{' '}
                  {dateLabel(alert.createdAt)}
                </p>
                <button
                  type="button"
                  class="link-button"
                  aria-label={`Delete the alert ${alert.q || 'for all jobs'}`}
                  onClick={() => remove(alert.id)}
                >
                  Delete
                </button>
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

function MatchSettings() {
  const client = useQueryClient();
  const settings = useQuery(() => ({ queryKey: ['alerts', 'settings'], queryFn: () => trpc.alerts.settings.query() }));
  const form = useFormAction(async (data) => {
    await trpc.alerts.setSettings.mutate({
      matchThreshold: Number(data.get('matchThreshold')),
      matchEmails: data.get('matchEmails') === 'on',
    });
    await client.invalidateQueries({ queryKey: ['alerts', 'settings'] });
  });
  return (
    <Show when={settings.data} fallback={<Skeleton lines={2} label="Loading your settings" />}>
      {(current) => (
        <form class="panel" onSubmit={form.submit} novalidate>
          <h2>New matches</h2>
          <p class="muted">Once a day, an email about new jobs that fit your profile, never the same job twice.</p>
          <FormError message={form.problem()?.message ?? null} />
          <label class="checkbox">
            <input type="checkbox" name="matchEmails" checked={current().matchEmails} /> Email me about new matches
          </label>
          <Field
            id="matchThreshold"
            label="Only matches of at least (%)"
            errors={form.errors('matchThreshold')}
            hint="From 0 to 100. 70 unless you change it."
          >
            <input
              id="matchThreshold"
              name="matchThreshold"
              type="number"
              min="0"
              max="100"
              step="1"
              value={current().matchThreshold}
              aria-describedby="matchThreshold-hint matchThreshold-error"
            />
          </Field>
          <button class="button" type="submit" disabled={form.busy()}>
            {form.busy() ? 'Saving…' : 'Save settings'}
          </button>
          <Show when={form.saved()}>
            <p class="notice" role="status">
              Saved.
            </p>
          </Show>
        </form>
      )}
    </Show>
  );
}

export default function SeekerAlerts() {
  return (
    <RequireRole role="job_seeker">
      {() => (
        <div class="stack wide">
          <h1>Job alerts</h1>
          <section class="stack">
            <h2>Saved searches</h2>
            <AlertList />
          </section>
          <MatchSettings />
        </div>
      )}
    </RequireRole>
  );
}
