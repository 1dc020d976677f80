import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { useFormAction } from '../lib/form.ts';
import { takeLinkToken } from '../lib/link-token.ts';
import { trpc } from '../lib/trpc.ts';

export default function ResetPassword() {
  const client = useQueryClient();
  const token = takeLinkToken();
  const form = useFormAction(async (data) => {
    await trpc.auth.resetPassword.mutate({ token: token ?? '', password: String(data.get('password') ?? '') });
    // Every session ended, this one too.
    client.setQueryData(['auth', 'me'], null);
  });
  return (
    <section class="panel narrow">
      <h1>Choose a new password</h1>
      <Show
        when={token}
        fallback={
          <p class="form-error" role="alert">
            This link is incomplete: open the whole link from the email.{' '}
            <A href="/forgot-password">Ask for a new one</A>.
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
                label="New password"
                errors={form.errors('password')}
                hint="At least 10 characters. Setting it signs you out everywhere."
              >
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                  aria-describedby="password-hint password-error"
                />
              </Field>
              <button type="submit" class="button" disabled={form.busy()}>
                {form.busy() ? 'Saving…' : 'Set the new password'}
              </button>
              <p class="muted">
                Link expired or already used? <A href="/forgot-password">Ask for a new one</A>.
              </p>
            </form>
          }
        >
          <p class="notice" role="status">
            Your password is changed, and every session was signed out.
          </p>
          <p>
            <A href="/signin" class="button">
              Sign in
            </A>
          </p>
        </Show>
      </Show>
    </section>
  );
}
