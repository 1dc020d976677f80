import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { trpc, type RouterOutputs } from './trpc.ts';

export type Me = NonNullable<RouterOutputs['auth']['me']>;

export function useMe() {
  return useQuery(() => ({ queryKey: ['auth', 'me'], queryFn: () => trpc.auth.me.query(), staleTime: 60_000 }));
}

export function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => client.setQueryData(['auth', 'me'], me);
}
