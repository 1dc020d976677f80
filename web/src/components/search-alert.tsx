import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { useMe } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterInputs } from '../lib/trpc.ts';
import { InlineError } from './field.tsx';

type AlertInput = RouterInputs['alerts']['create'];

/** "Get alerts for this search": saves the current query and filters as a daily or weekly email. */
export function SearchAlert(props: { q: string; filters: AlertInput['filters'] }) {
  const me = useMe();
  const client = useQueryClient();
  const [frequency, setFrequency] = createSignal<AlertInput['frequency']>('daily');
  const [done, setDone] = createSignal<string | null>(null);
  const {
    busy,
    problem,
    submit: create,
  } = useFormAction(async () => {
    await trpc.alerts.create.mutate({ q: props.q, filters: props.filters, frequency: frequency() });
    await client.invalidateQueries({ queryKey: ['alerts'] });
    setDone(props.q ? `“${props.q}”` : 'this search');
  });
  return (
    <Switch>
      <Match when={me.data?.userType === 'job_seeker'}>
        <Show
          when={!done()}
          fallback={
            <p class="notice search-alert" role="status">
              Alert created: new jobs for {done()} will be emailed to you. <A href="/me/alerts">Manage alerts</A>
            </p>
          }
        >
          <form class="search-alert" onSubmit={create}>
            <label for="alert-frequency">Get alerts for this search</label>
            <select
              id="alert-frequency"
              value={frequency()}
              onChange={(e) => setFrequency(e.currentTarget.value as AlertInput['frequency'])}
            >
              <option value="daily">Daily</option>
              <option value="weekly">Weekly</option>
            </select>
            <button class="button button-secondary button-small" type="submit" disabled={busy()}>
              {busy() ? 'Saving…' : 'Create alert'}
            </button>
            <InlineError message={problem()?.message} />
          </form>
        </Show>
      </Match>
      <Match when={me.isSuccess && !me.data}>
        <p class="muted search-alert">
          <A href="/signin?next=/jobs">Sign in</A> to get alerts for this search.
        </p>
      </Match>
    </Switch>
  );
}

/** The filters of a search input, as an alert keeps them (no query, paging or page size). */
export function alertFilters(input: Omit<RouterInputs['jobs']['search'], 'cursor'>): AlertInput['filters'] {
  const { q: _q, limit: _limit, ...filters } = input;
  return filters;
}
