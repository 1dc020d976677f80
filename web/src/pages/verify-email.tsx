import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { LinkAction } from '../components/link-action.tsx';
import { trpc } from '../lib/trpc.ts';

export default function VerifyEmail() {
  const client = useQueryClient();
  return (
    <LinkAction
      title="Confirm your email address"
      busy="Confirming your address…"
      act={async (token) => {
        const result = await trpc.auth.verifyEmail.mutate({ token });
        await client.invalidateQueries({ queryKey: ['auth', 'me'] });
        return result;
      }}
      done={() => (
        <>
          <p class="notice" role="status">
            Your email address is confirmed. Thank you.
          </p>
          <p>
            <A href="/" class="button">
              Continue
            </A>
          </p>
        </>
      )}
    />
  );
}
