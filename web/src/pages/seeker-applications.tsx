import { A } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { CandidateInterviews, useCandidateInterviews } from '../components/candidate-interviews.tsx';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, Skeleton, StatusBadge } from '../components/ui.tsx';
import { dateLabel, STATUS_LABEL } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';
import { useConfirm } from '../components/primitives/confirm.tsx';
import { REJECTION_REASON_LABEL } from '../components/pipeline-labels.ts';

/** What the employer chose to tell the seeker: the reason from the list, and their message if any. */
function RejectionNote(props: { rejection: { reason: string | null; message: string | null } }) {
  return (
    <div class="notice notice-quiet">
      <p>
        Not selected
        {props.rejection.reason ? `: ${REJECTION_REASON_LABEL[props.rejection.reason] ?? props.rejection.reason}` : '.'}
      </p>
      <Show when={props.rejection.message}>
        <blockquote>{props.rejection.message}</blockquote>
      </Show>
    </div>
  );
}

function Tracker() {
  const client = useQueryClient();
  const applications = useQuery(() => ({
    queryKey: ['applications', 'mine'],
    queryFn: () => trpc.applications.mine.query(),
    refetchInterval: 15_000,
  }));
  const interviews = useCandidateInterviews();
  const confirm = useConfirm();
  const withdraw = async (id: number) => {
    const question = {
      title: 'Withdraw this application?',
      body: 'The employer will see that you withdrew.',
      confirmLabel: 'Withdraw',
      danger: true,
    };
    if (!(await confirm.ask(question))) return;
    await trpc.applications.withdraw.mutate({ id });
    await client.invalidateQueries({ queryKey: ['applications'] });
  };
  return (
    <Switch>
      <Match when={applications.isPending}>
        <Skeleton lines={4} />
      </Match>
      <Match when={applications.isError}>
        <ErrorBox error={applications.error} retry={() => applications.refetch()} />
      </Match>
      <Match when={applications.data?.length === 0}>
        <Empty title="You have not applied yet">
          <p>
            <A href="/me/matches">See your matches</A> or <A href="/jobs">search jobs</A>.
          </p>
        </Empty>
      </Match>
      <Match when={applications.data}>
        <confirm.Dialog />
        <ul class="cards">
          <For each={applications.data}>
            {(application) => (
              <li class="card application-card">
                <div class="match-head">
                  <h2 class="job-title">
                    <A href={`/jobs/${application.job.id}`}>{application.job.title}</A>
                  </h2>
                  <StatusBadge
                    status={application.status}
                    label={STATUS_LABEL[application.status] ?? application.status}
                  />
                </div>
                <p class="muted">
                  {application.job.companyName} · applied {dateLabel(application.submittedAt)}
                </p>
                <ol class="history" aria-label="History">
                  <For each={application.history}>
                    {(event) => (
                      <li>
                        {dateLabel(event.at)}: {STATUS_LABEL[event.toStatus] ?? event.toStatus}{' '}
                        <span class="muted">({event.by === 'you' ? 'you' : 'the employer'})</span>
                      </li>
                    )}
                  </For>
                </ol>
                <Show when={application.rejection}>{(rejection) => <RejectionNote rejection={rejection()} />}</Show>
                <CandidateInterviews applicationId={application.id} mine={interviews.data} />
                <Show when={application.status === 'withdrawn'}>
                  <p class="muted">
                    You withdrew this application. The employer keeps it as a record; each job takes one application per
                    person, so it cannot be sent again.
                  </p>
                </Show>
                <Show when={application.canWithdraw}>
                  <button type="button" class="link-button" onClick={() => withdraw(application.id)}>
                    Withdraw
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

export default function SeekerApplications() {
  return (
    <RequireRole role="job_seeker">
      {() => (
        <div class="stack wide">
          <h1>Your applications</h1>
          <Tracker />
        </div>
      )}
    </RequireRole>
  );
}
