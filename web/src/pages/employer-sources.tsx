import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { useConfirm } from '../components/primitives/confirm.tsx';
import { RefusedDeliveries } from '../components/refused-deliveries.tsx';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel, dateTimeLabel } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

function Deliveries(props: { sourceId: string }) {
  const deliveries = useQuery(() => ({
    queryKey: ['sources', 'deliveries', props.sourceId],
    queryFn: () => trpc.sources.deliveries.query({ id: props.sourceId, limit: 20 }),
  }));
  return (
    <Show when={deliveries.data?.length} fallback={<p class="muted">No deliveries yet.</p>}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          <For each={deliveries.data}>
            {(d) => (
              <tr>
                <td>{dateTimeLabel(d.receivedAt)}</td>
                <td>{d.eventType ?? '–'}</td>
                <td>{d.outcome}</td>
                <td>{d.error ?? (d.jobId ? `job ${d.jobId}` : '')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}

function SecretOnce(props: { secret: string; path: string }) {
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(props.secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div class="secret" role="status">
      <p>
        <strong>Copy this signing secret now: it is shown only once.</strong>
      </p>
      <code>{props.secret}</code>{' '}
      <button type="button" class="button button-small button-secondary" onClick={copy}>
        Copy secret
      </button>
      <Show when={copied()}>
        {(state) => (
          <span class="muted" aria-live="polite">
            {state() === 'yes' ? ' Copied.' : ' Could not copy: select the secret and copy it by hand.'}
          </span>
        )}
      </Show>
      <p class="muted">
        Deliveries go to{' '}
        <code>
          {location.origin}
          {props.path}
        </code>
        , signed with Standard Webhooks headers.
      </p>
    </div>
  );
}

export default function EmployerSources() {
  const client = useQueryClient();
  const sources = useQuery(() => ({ queryKey: ['sources'], queryFn: () => trpc.sources.list.query() }));
  const [secret, setSecret] = createSignal<{ secret: string; path: string } | null>(null);
  const {
    problem,
    errors,
    submit: create,
  } = useFormAction(async (form, element) => {
    const source = await trpc.sources.create.mutate({
      name: String(form.get('name') ?? ''),
      format: String(form.get('format')) as 'json-ld' | 'greenhouse',
    });
    setSecret({ secret: source.signingSecret, path: source.webhookPath });
    element.reset();
    await client.invalidateQueries({ queryKey: ['sources'] });
  });
  const rotate = async (id: string, path: string) => {
    const rotated = await trpc.sources.rotateSecret.mutate({ id });
    setSecret({ secret: rotated.signingSecret, path });
  };
  const confirm = useConfirm();
  const remove = async (id: string) => {
    const yes = await confirm.ask({
      title: 'Disconnect this job board?',
      body: 'Its deliveries will be refused from now on. The jobs it posted stay.',
      confirmLabel: 'Disconnect',
      danger: true,
    });
    if (!yes) return;
    await trpc.sources.delete.mutate({ id });
    await client.invalidateQueries({ queryKey: ['sources'] });
  };
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack wide">
          <h1>Job boards</h1>
          <confirm.Dialog />
          <p class="muted">
            Connect a job board or your careers site: it pushes postings here by webhook, and they become your jobs.
          </p>
          <Show when={secret()}>{(s) => <SecretOnce secret={s().secret} path={s().path} />}</Show>
          <form class="panel" onSubmit={create} novalidate>
            <h2>Connect a board</h2>
            <FormError message={problem()?.message ?? null} />
            <div class="row">
              <Field id="source-name" label="Name" errors={errors('name')}>
                <input
                  id="source-name"
                  name="name"
                  placeholder="Our careers site"
                  aria-describedby="source-name-error"
                />
              </Field>
              <Field id="source-format" label="Format">
                <select id="source-format" name="format">
                  <option value="json-ld">schema.org JobPosting (JSON-LD)</option>
                  <option value="greenhouse">Greenhouse job posts</option>
                </select>
              </Field>
            </div>
            <button class="button" type="submit">
              Connect
            </button>
          </form>
          <Switch>
            <Match when={sources.isPending}>
              <Skeleton lines={3} />
            </Match>
            <Match when={sources.isError}>
              <ErrorBox error={sources.error} />
            </Match>
            <Match when={sources.data?.length === 0}>
              <Empty title="No boards connected" />
            </Match>
            <Match when={sources.data}>
              <For each={sources.data}>
                {(source) => (
                  <section class="panel">
                    <div class="page-head">
                      <h2>{source.name}</h2>
                      <span class="muted">
                        {source.format} · connected {dateLabel(source.createdAt)} · {source.deliveries} deliveries
                      </span>
                    </div>
                    <p>
                      <code>{source.webhookPath}</code>
                    </p>
                    <RefusedDeliveries refusals={source.refusals} />
                    <div class="actions">
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        onClick={() => rotate(source.id, source.webhookPath)}
                      >
                        New secret
                      </button>
                      <button type="button" class="link-button" onClick={() => remove(source.id)}>
                        Disconnect
                      </button>
                    </div>
                    <Deliveries sourceId={source.id} />
                  </section>
                )}
              </For>
            </Match>
          </Switch>
        </div>
      )}
    </RequireRole>
  );
}
