import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { useSetMe } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

type Kind = 'job_seeker' | 'employer';

export default function SignUp() {
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [params] = useSearchParams<{ as?: string }>();
  // "Post a job" links here with ?as=employer: the form starts on hiring.
  const [kind, setKind] = createSignal<Kind>(params.as === 'employer' ? 'employer' : 'job_seeker');
  const form = useFormAction(async (data) => {
    const text = (name: string) => String(data.get(name) ?? '');
    const me =
      kind() === 'job_seeker'
        ? await trpc.auth.signUp.mutate({
            userType: 'job_seeker',
            email: text('email'),
            password: text('password'),
            firstName: text('firstName'),
            lastName: text('lastName'),
          })
        : await trpc.auth.signUp.mutate({
            userType: 'employer',
            email: text('email'),
            password: text('password'),
            companyName: text('companyName'),
          });
    setMe(me);
    navigate(me.userType === 'employer' ? '/employer/jobs' : '/me/resume');
  });
  const problem = form.problem;
  const busy = form.busy;
  const errors = form.errors;

  return (
    <section class="panel narrow">
      <h1>Create your account</h1>
      <form onSubmit={form.submit} novalidate>
        <fieldset class="choice">
          <legend>I am</legend>
          <label>
            <input
              type="radio"
              name="userType"
              value="job_seeker"
              checked={kind() === 'job_seeker'}
              onChange={() => setKind('job_seeker')}
            />{' '}
            looking for a job
          </label>
          <label>
            <input
              type="radio"
              name="userType"
              value="employer"
              checked={kind() === 'employer'}
              onChange={() => setKind('employer')}
            />{' '}
            hiring
          </label>
        </fieldset>
        <FormError message={problem()?.message ?? null} />
        <Switch>
          <Match when={kind() === 'job_seeker'}>
            <div class="row">
              <Field id="firstName" label="First name" errors={errors('firstName')}>
                <input
                  id="firstName"
                  name="firstName"
                  autocomplete="given-name"
                  required
                  aria-describedby="firstName-error"
                />
              </Field>
              <Field id="lastName" label="Last name" errors={errors('lastName')}>
                <input
                  id="lastName"
                  name="lastName"
                  autocomplete="family-name"
                  required
                  aria-describedby="lastName-error"
                />
              </Field>
            </div>
          </Match>
          <Match when={kind() === 'employer'}>
            <Field id="companyName" label="Company name" errors={errors('companyName')}>
              <input
                id="companyName"
                name="companyName"
                autocomplete="organization"
                required
                aria-describedby="companyName-error"
              />
            </Field>
          </Match>
        </Switch>
        <Field id="email" label="Email" errors={errors('email')}>
          <input id="email" name="email" type="email" autocomplete="email" required aria-describedby="email-error" />
        </Field>
        <Field
          id="password"
          label="Password"
          errors={errors('password')}
          hint="At least 10 characters. A short sentence is easy to remember."
        >
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            aria-describedby="password-hint password-error"
          />
        </Field>
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <A href="/signin">Sign in</A>.
      </p>
    </section>
  );
}
