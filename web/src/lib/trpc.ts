import { createTRPCClient, httpBatchStreamLink, httpLink, isNonJsonSerializable, splitLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

// Queries go in batches that stream each answer as it is ready, so a fast call never waits on
// a slow one. Mutations go alone through httpLink: a streamed response has sent its headers
// before the procedure runs, and sign-in must be able to set its cookie. Uploads (FormData) too.
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'mutation' || isNonJsonSerializable(op.input),
      true: httpLink({ url: '/trpc' }),
      // The server takes at most 10 calls per batch (MAX_BATCH_CALLS in server/app.ts).
      false: httpBatchStreamLink({ url: '/trpc', maxItems: 10 }),
    }),
  ],
});

export interface FormProblem {
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** The server's message and per-field errors, ready to show beside the fields. */
export function problemOf(error: unknown): FormProblem {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> | null } | undefined;
    return { message: error.message, fieldErrors: data?.fieldErrors ?? {} };
  }
  return { message: 'Could not reach the server. Check your connection and try again.', fieldErrors: {} };
}
