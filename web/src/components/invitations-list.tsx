import { A, useNavigate } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { dateLabel } from '../lib/format.ts';
import { useAction } from '../lib/form.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { FormError } from './field.tsx';

type Invitation = RouterOutputs['invitations']['mine'][number];
const INVITATIONS_KEY = ['invitations', 'mine'] as const;

function InvitationCard(props: { invitation: Invitation }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const action = useAction();
  const inv = () => props.invitation;
  const respond = (answer: 'accept' | 'decline') =>
    action.run(async () => {
      const answered = await trpc.invitations.respond.mutate({ id: inv().id, answer });
      await client.invalidateQueries({ queryKey: INVITATIONS_KEY });
      // Accepting is the first step: the job page's apply form is the second.
      if (answer === 'accept') navigate(`/jobs/${answered.jobId}#apply`);
    });
  return (
    <li class="card invitation-card">
      <h3>
        <A href={`/jobs/${inv().job.id}`}>{inv().job.title}</A>
      </h3>
      <p class="muted">
        {[inv().job.companyName, inv().job.remoteAllowed ? 'Remote' : inv().job.location].filter(Boolean).join(' · ')} ·
        invited {dateLabel(inv().createdAt)}
      </p>
      <blockquote>{inv().message}</blockquote>
      <FormError message={action.problem()?.message ?? null} />
      <Switch>
        <Match when={inv().applied}>
          <p class="notice notice-quiet">You applied: the employer now sees who you are.</p>
        </Match>
        <Match when={inv().job.status !== 'active'}>
          <p class="muted">This job is no longer open.</p>
        </Match>
        <Match when={inv().status === 'open'}>
          <div class="actions">
            <button
              type="button"
              class="button button-small"
              disabled={action.busy()}
              onClick={() => void respond('accept')}
            >
              Accept and apply
            </button>
            <button
              type="button"
              class="button button-small button-secondary"
              disabled={action.busy()}
              onClick={() => void respond('decline')}
            >
              Decline
            </button>
          </div>
        </Match>
        <Match when={inv().status === 'accepted'}>
          <p>
            You accepted. <A href={`/jobs/${inv().job.id}#apply`}>Apply now</A>: the employer learns who you are only
            then.
          </p>
        </Match>
        <Match when={inv().status === 'declined'}>
          <p class="muted">You declined. The employer sees only that, never who you are.</p>
        </Match>
      </Switch>
    </li>
  );
}

/** Invitations to apply from employers who found the seeker anonymously; shown only when there are some. */
export function InvitationsList() {
  const invitations = useQuery(() => ({ queryKey: INVITATIONS_KEY, queryFn: () => trpc.invitations.mine.query() }));
  return (
    <Show when={invitations.data?.length}>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations to apply</h2>
        <p class="muted">Employers who saw your anonymous profile invite you. They do not know who you are.</p>
        <ol class="cards">
          <For each={invitations.data}>{(invitation) => <InvitationCard invitation={invitation} />}</For>
        </ol>
      </section>
    </Show>
  );
}
