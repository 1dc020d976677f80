import { Field, PasswordField } from './field.tsx';
import { PanelForm } from './panel-form.tsx';
import { useFormAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

/** Email change on the account page: confirmed by a link sent to the new address. */
export function ChangeEmail(props: { current: string }) {
  const form = useFormAction(async (data) => {
    await trpc.auth.requestEmailChange.mutate({
      email: String(data.get('newEmail') ?? ''),
      password: String(data.get('emailPassword') ?? ''),
    });
  });
  return (
    <PanelForm
      title="Email address"
      intro={
        <p class="muted">
          Your account uses {props.current}. A new address takes effect once you open the link we send to it.
        </p>
      }
      form={form}
      submitLabel="Change email address"
      secondary
      savedText="Check the new address: we sent it a link to confirm the change."
    >
      <div class="row">
        <Field id="newEmail" label="New email address" errors={form.errors('email')}>
          <input id="newEmail" name="newEmail" type="email" autocomplete="email" aria-describedby="newEmail-error" />
        </Field>
        <PasswordField
          id="emailPassword"
          label="Password"
          errors={form.errors('password')}
          autocomplete="current-password"
        />
      </div>
    </PanelForm>
  );
}
