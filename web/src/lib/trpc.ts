import {
  createTRPCClient,
  httpBatchStreamLink,
  httpLink,
  isNonJsonSerializable,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
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
      // The server takes at most 10 calls per batch (MAX_BATCH_CALLS in server/http/trpc-routes.ts).
      false: httpBatchStreamLink({ url: '/trpc', maxItems: 10 }),
    }),
  ],
});

export type ProblemKind = 'offline' | 'not-found' | 'invalid' | 'other';

export interface FormProblem {
  kind: ProblemKind;
  /** A sentence for people: never a field key, a schema message or "Failed to fetch". */
  message: string;
  fieldErrors: Record<string, string[]>;
}

export const OFFLINE_MESSAGE = 'We could not reach Fitwork. Check your connection and try again.';

/**
 * What went wrong, for people: the server's sentence, or for a form every field's sentence
 * (the server's message names only the first field, behind its key); a network failure (no
 * answer, so no data) as a connection problem.
 */
export function problemOf(error: unknown): FormProblem {
  if (!(error instanceof TRPCClientError) || !error.data)
    return { kind: 'offline', message: OFFLINE_MESSAGE, fieldErrors: {} };
  const data = error.data as { code?: string; fieldErrors?: Record<string, string[]> | null };
  const fieldErrors = data.fieldErrors ?? {};
  if (data.code === 'NOT_FOUND') return { kind: 'not-found', message: error.message, fieldErrors };
  const sentences = [...new Set(Object.values(fieldErrors).flat())];
  if (sentences.length === 0) return { kind: 'other', message: error.message, fieldErrors };
  const fields = Object.keys(fieldErrors).length;
  const lead = fields === 1 ? 'Please correct one field:' : `Please correct ${fields} fields:`;
  return { kind: 'invalid', message: `${lead} ${sentences.join(' ')}`, fieldErrors };
}
