import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { Field, FormError } from '../components/field.tsx';
import { homeOf, safeNext } from '../lib/home.ts';
import { useSetMe } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

export default function SignIn() {
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [params] = useSearchParams<{ next?: string }>();
  const form = useFormAction(async (data) => {
    const me = await trpc.auth.signIn.mutate({
      email: String(data.get('email')),
      password: String(data.get('password')),
    });
    setMe(me);
    navigate(safeNext(params.next) ?? homeOf(me));
  });
  const problem = form.problem;
  const busy = form.busy;

  return (
    <section class="panel narrow">
      <h1>Sign in</h1>
      <form onSubmit={form.submit} novalidate>
        <FormError message={problem()?.message ?? null} />
        <Field id="email" label="Email" errors={problem()?.fieldErrors.email}>
          <input id="email" name="email" type="email" autocomplete="email" required aria-describedby="email-error" />
        </Field>
        <Field id="password" label="Password" errors={problem()?.fieldErrors.password}>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby="password-error"
          />
        </Field>
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <A href="/forgot-password">Forgot your password?</A>
      </p>
      <p>
        New here? <A href="/signup">Create an account</A>.
      </p>
    </section>
  );
}
