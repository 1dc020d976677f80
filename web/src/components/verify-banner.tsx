import { createSignal, Show } from 'solid-js';
import { useMe } from '../lib/session.ts';
import { problemOf, trpc } from '../lib/trpc.ts';

/** Unverified employers are told why they cannot publish yet, and can have the link sent again. */
export function VerifyBanner() {
  const me = useMe();
  const [status, setStatus] = createSignal<string | null>(null);
  const resend = async () => {
    try {
      const result = await trpc.auth.resendVerification.mutate();
      setStatus(result.sent ? 'Sent. Check your inbox (and the spam folder).' : 'Your address is already confirmed.');
    } catch (error) {
      setStatus(problemOf(error).message);
    }
  };
  return (
    <Show when={me.data?.userType === 'employer' && !me.data.emailVerified}>
      <section class="verify-banner" aria-label="Email confirmation">
        <p>
          Confirm your email address to publish jobs: open the link we sent to <strong>{me.data?.email}</strong>. Until
          then you can prepare drafts.{' '}
          <button type="button" class="link-button" onClick={resend}>
            Send the link again
          </button>
        </p>
        <Show when={status()}>{(text) => <p role="status">{text()}</p>}</Show>
      </section>
    </Show>
  );
}
