import { A } from '@solidjs/router';
import { useInfiniteQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { useMe } from '../lib/session.ts';
import { statusClass } from '../lib/status.ts';
import { trpc } from '../lib/trpc.ts';

function NotificationList() {
  const client = useQueryClient();
  const list = useInfiniteQuery(() => ({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) => trpc.notifications.list.query({ cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  }));
  const items = () => list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = async (ids: number[]) => {
    await trpc.notifications.markRead.mutate({ ids });
    await refresh();
  };
  const markAll = async () => {
    await trpc.notifications.markRead.mutate({ all: true });
    await refresh();
  };
  return (
    <Switch>
      <Match when={list.isPending}>
        <Skeleton lines={4} />
      </Match>
      <Match when={list.isError}>
        <ErrorBox error={list.error} retry={() => list.refetch()} />
      </Match>
      <Match when={items().length === 0}>
        <Empty title="Nothing new">
          <p>When something happens to your applications, jobs or requests, you will see it here.</p>
        </Empty>
      </Match>
      <Match when={items().length > 0}>
        <Show when={items().some((n) => n.readAt === null)}>
          <p>
            <button type="button" class="button button-secondary button-small" onClick={markAll}>
              Mark all as read
            </button>
          </p>
        </Show>
        <ul class="cards notification-list">
          <For each={items()}>
            {(n) => (
              <li class="card notification" classList={{ unread: n.readAt === null }}>
                <div class="match-head">
                  <h2 class="job-title">
                    <A href={n.link} onClick={() => n.readAt === null && void markRead([n.id])}>
                      {n.title}
                    </A>
                  </h2>
                  <Show when={n.readAt === null}>
                    <span class={statusClass('submitted')}>New</span>
                  </Show>
                </div>
                <p>{n.body}</p>
                <p class="muted">
                  {dateLabel(n.createdAt)}
                  <Show when={n.readAt === null}>
                    {' · '}
                    <button type="button" class="link-button" onClick={() => markRead([n.id])}>
                      Mark as read
                    </button>
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
        <Show when={list.hasNextPage}>
          <button
            type="button"
            class="button button-secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            Show older
          </button>
        </Show>
      </Match>
    </Switch>
  );
}

export default function NotificationsPage() {
  const me = useMe();
  return (
    <div class="stack wide">
      <h1>Notifications</h1>
      <Show
        when={me.data}
        fallback={
          <Show when={!me.isPending}>
            <p>
              <A href="/signin">Sign in</A> to see your notifications.
            </p>
          </Show>
        }
      >
        <NotificationList />
        <p class="muted">
          Choose what you hear about, in Fitwork and by email, in your{' '}
          <A href="/account#notifications">account settings</A>.
        </p>
      </Show>
    </div>
  );
}
