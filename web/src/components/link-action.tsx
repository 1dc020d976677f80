import { A } from '@solidjs/router';
import { createResource, Match, Switch, type JSX } from 'solid-js';
import { takeLinkToken } from '../lib/link-token.ts';
import { problemOf } from '../lib/trpc.ts';

/** A page that acts on an email link as it opens: the token goes to `act` once, the outcome is shown. */
export function LinkAction<T>(props: {
  title: string;
  busy: string;
  act: (token: string) => Promise<T>;
  done: (result: T) => JSX.Element;
}) {
  const token = takeLinkToken();
  const [result] = createResource(async () => {
    if (!token) throw new Error('This link is incomplete: open the whole link from the email, or copy all of it.');
    try {
      return { ok: true as const, value: await props.act(token) };
    } catch (error) {
      return { ok: false as const, message: problemOf(error).message };
    }
  });
  return (
    <section class="panel narrow">
      <h1>{props.title}</h1>
      <Switch fallback={<p aria-busy="true">{props.busy}</p>}>
        <Match when={result.error as Error | undefined}>
          {(error) => (
            <p class="form-error" role="alert">
              {error().message}
            </p>
          )}
        </Match>
        <Match when={result() && !result()!.ok && (result() as { message: string })}>
          {(failed) => (
            <>
              <p class="form-error" role="alert">
                {failed().message}
              </p>
              <p>
                <A href="/account">Go to your account</A> to ask for a new link.
              </p>
            </>
          )}
        </Match>
        <Match when={result() && result()!.ok && (result() as { value: T })}>
          {(done) => props.done(done().value)}
        </Match>
      </Switch>
    </section>
  );
}
