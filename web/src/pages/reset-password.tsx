import { A } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { LinkPasswordForm } from '../components/link-password-form.tsx';
import { trpc } from '../lib/trpc.ts';

export default function ResetPassword() {
  const client = useQueryClient();
  return (
    <LinkPasswordForm
      title="Choose a new password"
      incomplete={
        <>
          {' '}
          <A href="/forgot-password">Ask for a new one</A>.
        </>
      }
      label="New password"
      hint="At least 10 characters. Setting it signs you out everywhere."
      required
      submitLabel="Set the new password"
      busyLabel="Saving…"
      footer={
        <p class="muted">
          Link expired or already used? <A href="/forgot-password">Ask for a new one</A>.
        </p>
      }
      send={async (token, password) => {
        await trpc.auth.resetPassword.mutate({ token, password });
        // Every session ended, this one too.
        client.setQueryData(['auth', 'me'], null);
      }}
      done={
        <>
          <p class="notice" role="status">
            Your password is changed, and every session was signed out.
          </p>
          <p>
            <A href="/signin" class="button">
              Sign in
            </A>
          </p>
        </>
      }
    />
  );
}
