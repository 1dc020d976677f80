import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { useAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';
import { FormError } from './field.tsx';

const SEEKER_ME_KEY = ['seekers', 'me'] as const;

/**
 * Asks, in plain words, whether employers may find the seeker. Off until they say yes; what
 * an employer then sees is anonymous until the seeker applies.
 */
export function VisibilityConsent() {
  const client = useQueryClient();
  const me = useQuery(() => ({ queryKey: SEEKER_ME_KEY, queryFn: () => trpc.seekers.me.query() }));
  const action = useAction();
  const visible = () => me.data?.visibleToEmployers === true;
  const set = (visibleToEmployers: boolean) =>
    action.run(async () => {
      await trpc.seekers.setVisibility.mutate({ visibleToEmployers });
      await client.invalidateQueries({ queryKey: SEEKER_ME_KEY });
    });
  return (
    <Show when={me.data}>
      <section class="panel visibility-consent" aria-labelledby="visibility-title">
        <h2 id="visibility-title">Can employers find you?</h2>
        <Show
          when={visible()}
          fallback={
            <p>
              <strong>No, you are hidden.</strong> Employers see you only when you apply to their job. If you say yes,
              employers whose jobs fit you see your headline, skills and match scores, but not your name, contact
              details or past employers, and can invite you to apply. They learn who you are only if you apply.
            </p>
          }
        >
          <p>
            <strong>Yes, employers can find you, anonymously.</strong> They see your headline, skills and match scores
            for their jobs, never your name, contact details or past employers, and may invite you to apply. Jobs you
            marked “not relevant” never show you. You can hide again at any time.
          </p>
        </Show>
        <FormError message={action.problem()?.message ?? null} />
        <button
          type="button"
          class={visible() ? 'button button-small button-secondary' : 'button button-small'}
          disabled={action.busy()}
          onClick={() => void set(!visible())}
        >
          {visible() ? 'Hide me from employers' : 'Yes, let employers find me'}
        </button>
      </section>
    </Show>
  );
}
