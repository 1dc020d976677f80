import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { useFormAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

export default function ForgotPassword() {
  const form = useFormAction(async (data) => {
    await trpc.auth.requestPasswordReset.mutate({ email: String(data.get('email') ?? '') });
  });
  return (
    <section class="panel narrow">
      <h1>Forgot your password?</h1>
      <Show
        when={form.saved()}
        fallback={
          <form onSubmit={form.submit} novalidate>
            <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
            <FormError message={form.problem()?.message ?? null} />
            <Field id="email" label="Email" errors={form.errors('email')}>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                required
                aria-describedby="email-error"
              />
            </Field>
            <button type="submit" class="button" disabled={form.busy()}>
              {form.busy() ? 'Sending…' : 'Send me a link'}
            </button>
          </form>
        }
      >
        <p class="notice" role="status">
          If an account uses this address, an email with a link is on its way. The link works for 1 hour.
        </p>
      </Show>
      <p>
        <A href="/signin">Back to sign in</A>
      </p>
    </section>
  );
}
