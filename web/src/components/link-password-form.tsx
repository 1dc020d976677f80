import { Show, type JSX } from 'solid-js';
import { useFormAction } from '../lib/form.ts';
import { takeLinkToken } from '../lib/link-token.ts';
import { Field, FormError } from './field.tsx';

/**
 * The page an emailed link opens to set a password: the link's token taken from the URL fragment,
 * a form with one new-password box, and what the page says once it is done. A link without its
 * token (cut by a mail client) says so instead of a form that can only fail.
 */
export function LinkPasswordForm(props: {
  title: string;
  /** Said after "This link is incomplete: open the whole link from the email." */
  incomplete?: JSX.Element;
  label: string;
  hint: string;
  required?: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Below the button. */
  footer?: JSX.Element;
  send: (token: string, password: string) => Promise<unknown>;
  done: JSX.Element;
}) {
  const token = takeLinkToken();
  const form = useFormAction((data) => props.send(token ?? '', String(data.get('password') ?? '')));
  return (
    <section class="panel narrow">
      <h1>{props.title}</h1>
      <Show
        when={token}
        fallback={
          <p class="form-error" role="alert">
            This link is incomplete: open the whole link from the email.
            {props.incomplete}
          </p>
        }
      >
        <Show
          when={form.saved()}
          fallback={
            <form onSubmit={form.submit} novalidate>
              <FormError message={form.problem()?.message ?? null} />
              <Field id="password" label={props.label} errors={form.errors('password')} hint={props.hint}>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required={props.required}
                  aria-describedby="password-hint password-error"
                />
              </Field>
              <button type="submit" class="button" disabled={form.busy()}>
                {form.busy() ? props.busyLabel : props.submitLabel}
              </button>
              {props.footer}
            </form>
          }
        >
          {props.done}
        </Show>
      </Show>
    </section>
  );
}
