import { QueryClient } from '@tanstack/solid-query';
import type { SeededQueries } from './lib/public-queries.ts';

/** The app's query client; `seeded` are answers the server already gave (in the page's HTML). */
export function createQueryClient(seeded: SeededQueries = []) {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // A refused or missing row will not appear by asking again.
        retry: (count, error) =>
          count < 2 &&
          !/UNAUTHORIZED|FORBIDDEN|NOT_FOUND|BAD_REQUEST/.test(
            String((error as { data?: { code?: string } }).data?.code ?? error),
          ),
        refetchOnWindowFocus: false,
      },
    },
  });
  for (const [key, data] of seeded) client.setQueryData(key, data);
  return client;
}
