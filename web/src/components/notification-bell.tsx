import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { trpc } from '../lib/trpc.ts';

/** The bell of the signed-in navigation: a link to the notifications, with the unread count. */
export function NotificationBell() {
  const unread = useQuery(() => ({
    queryKey: ['notifications', 'unread'],
    queryFn: () => trpc.notifications.unreadCount.query(),
    refetchInterval: 60_000,
  }));
  const count = () => unread.data?.unread ?? 0;
  const label = () => (count() === 0 ? 'Notifications' : `Notifications, ${count()} unread`);
  return (
    <A href="/notifications" class="bell" aria-label={label()} title={label()}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="22"
        height="22"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <Show when={count() > 0}>
        <span class="bell-count" aria-hidden="true">
          {count() > 99 ? '99+' : count()}
        </span>
      </Show>
    </A>
  );
}
