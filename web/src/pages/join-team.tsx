import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { useFormAction } from '../lib/form.ts';
import { takeLinkToken } from '../lib/link-token.ts';
import { trpc } from '../lib/trpc.ts';

/**
 * The emailed invitation to a company's team: signed in as the invited address, one click
 * joins; signed out, a password creates that address's account, which joins.
 */
export default function JoinTeam() {
  const client = useQueryClient();
  const token = takeLinkToken();
  const form = useFormAction(async (data) => {
    const password = String(data.get('password') ?? '');
    await trpc.companies.acceptInvite.mutate({ token: token ?? '', ...(password ? { password } : {}) });
    await client.invalidateQueries({ queryKey: ['auth', 'me'] });
  });
  return (
    <section class="panel narrow">
      <h1>Join the hiring team</h1>
      <Show
        when={token}
        fallback={
          <p class="form-error" role="alert">
            This link is incomplete: open the whole link from the email.
          </p>
        }
      >
        <Show
          when={form.saved()}
          fallback={
            <form onSubmit={form.submit} novalidate>
              <FormError message={form.problem()?.message ?? null} />
              <Field
                id="password"
                label="Password for your new account"
                errors={form.errors('password')}
                hint="Leave it empty if you are signed in with the invited address. At least 10 characters."
              >
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  aria-describedby="password-hint password-error"
                />
              </Field>
              <button type="submit" class="button" disabled={form.busy()}>
                {form.busy() ? 'Joining…' : 'Join the team'}
              </button>
            </form>
          }
        >
          <p class="notice" role="status">
            You are a member of the team.
          </p>
          <p>
            <A href="/" class="button">
              Continue
            </A>
          </p>
        </Show>
      </Show>
    </section>
  );
}
