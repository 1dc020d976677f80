/**
 * Interview feedback: the applications the member is assigned to interview, each with its
 * scorecard form (and the other cards once theirs is in). An interviewer's way to the candidates.
 */
import { useQuery } from '@tanstack/solid-query';
import { Match, Switch } from 'solid-js';
import { RequireRole } from '../components/guard.tsx';
import { ScorecardPanel } from '../components/scorecard-panel.tsx';
import { Empty, ErrorBox, KeyedFor, Skeleton } from '../components/ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { trpc } from '../lib/trpc.ts';

function Assignments() {
  const assignments = useQuery(() => ({
    queryKey: ['scorecards', 'mine'],
    queryFn: () => trpc.scorecards.mine.query(),
  }));
  return (
    <div class="stack wide">
      <h1>Interview feedback</h1>
      <p class="muted">The candidates you interview. Rate each skill the job asks for; the candidate never sees it.</p>
      <Switch>
        <Match when={assignments.isPending}>
          <Skeleton lines={3} label="Loading your interviews" />
        </Match>
        <Match when={assignments.isError}>
          <ErrorBox error={assignments.error} retry={() => assignments.refetch()} />
        </Match>
        <Match when={assignments.data?.length === 0}>
          <Empty title="No interviews assigned to you">
            <p>When a recruiter adds you to an interview, the candidate appears here.</p>
          </Empty>
        </Match>
        <Match when={assignments.data}>
          <KeyedFor each={assignments.data ?? []} by={(a) => a.applicationId}>
            {(a) => (
              <section class="panel">
                <h2>
                  {a().candidate ?? 'A candidate who deleted their account'}, {a().job.title}
                </h2>
                <p class="muted">
                  {a().interviewAt ? `Interview on ${dateLabel(a().interviewAt)}` : 'Interview not scheduled yet'} ·{' '}
                  {a().submitted ? 'your scorecard is in' : 'your scorecard is missing'}
                </p>
                <ScorecardPanel applicationId={a().applicationId} />
              </section>
            )}
          </KeyedFor>
        </Match>
      </Switch>
    </div>
  );
}

export default function EmployerFeedback() {
  return <RequireRole role="employer">{() => <Assignments />}</RequireRole>;
}
