import { A } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { RequireRole } from '../components/guard.tsx';
import { BackLink, Empty, ErrorBox, ScoreBar, Skeleton, StatusBadge } from '../components/ui.tsx';
import { dateLabel, STATUS_LABEL } from '../lib/format.ts';
import { useAction } from '../lib/form.ts';
import { useEmployerJobOfPage } from '../lib/employer-job.ts';
import { trpc } from '../lib/trpc.ts';
import { useConfirm } from '../components/primitives/confirm.tsx';
import { Candidates } from '../components/candidates.tsx';

const ACTION_LABEL: Record<string, string> = {
  reviewed: 'Mark reviewed',
  interview: 'Move to interview',
  offer: 'Make offer',
  accepted: 'Accept',
  rejected: 'Reject',
};

function Applicants(props: { jobId: number }) {
  const client = useQueryClient();
  const list = useQuery(() => ({
    queryKey: ['applications', 'forJob', props.jobId],
    queryFn: () => trpc.applications.forJob.query({ jobId: props.jobId }),
  }));
  const action = useAction();
  const confirm = useConfirm();
  const error = () => action.problem()?.message;
  const move = async (id: number, status: 'reviewed' | 'interview' | 'offer' | 'accepted' | 'rejected') => {
    const question = {
      title: 'Reject this application?',
      body: 'The candidate will see it in their tracker.',
      confirmLabel: 'Reject',
      danger: true,
    };
    if (status === 'rejected' && !(await confirm.ask(question))) return;
    await action.run(async () => {
      await trpc.applications.setStatus.mutate({ id, status });
      await client.invalidateQueries({ queryKey: ['applications', 'forJob', props.jobId] });
    });
  };
  return (
    <section>
      <h2>Applicants</h2>
      <confirm.Dialog />
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Switch>
        <Match when={list.isPending}>
          <Skeleton lines={4} />
        </Match>
        <Match when={list.isError}>
          <ErrorBox error={list.error} retry={() => list.refetch()} />
        </Match>
        <Match when={list.data?.applications.length === 0}>
          <Empty title="No applications yet">
            <p>Candidates who apply appear here, best match first.</p>
          </Empty>
        </Match>
        <Match when={list.data}>
          {(data) => (
            <>
              <p class="muted">
                <For each={Object.entries(data().counts).filter(([, n]) => n > 0)}>
                  {([status, n], i) => (
                    <>
                      {i() > 0 ? ' · ' : ''}
                      {n} {STATUS_LABEL[status]?.toLowerCase()}
                    </>
                  )}
                </For>
              </p>
              <ul class="cards">
                <For each={data().applications}>
                  {(application) => (
                    <li class="card applicant-card">
                      <div class="match-head">
                        <h3>
                          {application.seeker
                            ? `${application.seeker.firstName} ${application.seeker.lastName}`
                            : 'Former candidate (account erased)'}
                        </h3>
                        <StatusBadge
                          status={application.status}
                          label={STATUS_LABEL[application.status] ?? application.status}
                        />
                      </div>
                      <p class="muted">
                        {application.seeker
                          ? `${application.seeker.email}${application.seeker.phone ? ` · ${application.seeker.phone}` : ''} · `
                          : ''}
                        applied {dateLabel(application.submittedAt)}
                      </p>
                      <ScoreBar label="Match" score={application.matchScore} />
                      <Show when={application.coverLetter}>
                        <blockquote class="cover-letter">{application.coverLetter}</blockquote>
                      </Show>
                      <div class="actions">
                        <For each={application.next}>
                          {(status) => (
                            <button
                              type="button"
                              class={
                                status === 'rejected' ? 'button button-small button-secondary' : 'button button-small'
                              }
                              onClick={() =>
                                move(
                                  application.id,
                                  status as 'reviewed' | 'interview' | 'offer' | 'accepted' | 'rejected',
                                )
                              }
                            >
                              {ACTION_LABEL[status]}
                            </button>
                          )}
                        </For>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

export default function EmployerJobReview() {
  const { jobId, job } = useEmployerJobOfPage();
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack wide">
          <BackLink href="/employer/jobs">Your jobs</BackLink>
          <Switch>
            <Match when={job.isError}>
              <ErrorBox error={job.error} />
            </Match>
            <Match when={job.data}>
              {(data) => (
                <>
                  <div class="page-head">
                    <h1>{data().title}</h1>
                    <StatusBadge status={data().status} label={STATUS_LABEL[data().status] ?? data().status} />
                  </div>
                  <p>
                    <A href={`/employer/jobs/${data().id}/pipeline`}>Pipeline board</A> ·{' '}
                    <A href={`/jobs/${data().id}`}>Public page</A> ·{' '}
                    <A href={`/employer/jobs/${data().id}/edit`}>Edit</A> ·{' '}
                    <A href={`/audit?job=${data().id}`}>Bias audit</A>
                  </p>
                  <Applicants jobId={jobId()} />
                  <Candidates jobId={jobId()} />
                </>
              )}
            </Match>
          </Switch>
        </div>
      )}
    </RequireRole>
  );
}
