import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { trpc } from '../lib/trpc.ts';
import { ErrorBox, Skeleton } from './ui.tsx';

type Channel = 'inApp' | 'email';
type Kind = Parameters<typeof trpc.notifications.setPreferences.mutate>[0]['preferences'][number]['kind'];

/** The account page's notification settings: each kind of the person's role, in Fitwork and by email. */
export function NotificationPreferences() {
  const client = useQueryClient();
  const preferences = useQuery(() => ({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => trpc.notifications.preferences.query(),
  }));
  const [saved, setSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<unknown>(null);
  const change = async (kind: Kind, channel: Channel, on: boolean) => {
    setSaved(false);
    setProblem(null);
    try {
      const next = await trpc.notifications.setPreferences.mutate({
        preferences: [{ kind, [channel]: on }],
      });
      client.setQueryData(['notifications', 'preferences'], next);
      setSaved(true);
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <section class="panel" id="notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <Show
        when={preferences.data}
        fallback={preferences.isError ? <ErrorBox error={preferences.error} /> : <Skeleton lines={3} />}
      >
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="muted">Your account receives no notifications.</p>}>
            <table class="preferences">
              <thead>
                <tr>
                  <th scope="col">Tell me about</th>
                  <th scope="col">In Fitwork</th>
                  <th scope="col">By email</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.label}</th>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${row.label}: in Fitwork`}
                          checked={row.inApp}
                          onChange={(e) => change(row.kind, 'inApp', e.currentTarget.checked)}
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${row.label}: by email`}
                          checked={row.email}
                          onChange={(e) => change(row.kind, 'email', e.currentTarget.checked)}
                        />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
      <Show when={problem()}>
        <ErrorBox error={problem()} />
      </Show>
      <Show when={saved()}>
        <p class="notice" role="status">
          Saved.
        </p>
      </Show>
    </section>
  );
}
