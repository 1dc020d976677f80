import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { LinkAction } from '../components/link-action.tsx';
import { trpc } from '../lib/trpc.ts';

export default function ConfirmEmailChange() {
  const client = useQueryClient();
  return (
    <LinkAction
      title="Confirm your new email address"
      busy="Moving your account to the new address…"
      act={async (token) => {
        const result = await trpc.auth.confirmEmailChange.mutate({ token });
        await client.invalidateQueries({ queryKey: ['auth', 'me'] });
        return result;
      }}
      done={(result) => (
        <>
          <p class="notice" role="status">
            Your account now uses {result.email}. Sign in with this address from now on.
          </p>
          <p>
            <A href="/account" class="button">
              Go to your account
            </A>
          </p>
        </>
      )}
    />
  );
}
