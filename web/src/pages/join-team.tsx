import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { LinkPasswordForm } from '../components/link-password-form.tsx';
import { trpc } from '../lib/trpc.ts';

/**
 * The emailed invitation to a company's team: signed in as the invited address, one click
 * joins; signed out, a password creates that address's account, which joins.
 */
export default function JoinTeam() {
  const client = useQueryClient();
  return (
    <LinkPasswordForm
      title="Join the hiring team"
      label="Password for your new account"
      hint="Leave it empty if you are signed in with the invited address. At least 10 characters."
      submitLabel="Join the team"
      busyLabel="Joining…"
      send={async (token, password) => {
        await trpc.companies.acceptInvite.mutate({ token, ...(password ? { password } : {}) });
        await client.invalidateQueries({ queryKey: ['auth', 'me'] });
      }}
      done={
        <>
          <p class="notice" role="status">
            You are a member of the team.
          </p>
          <p>
            <A href="/" class="button">
              Continue
            </A>
          </p>
        </>
      }
    />
  );
}
