import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { FormError } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { useAction } from '../lib/form.ts';
import { browserZone, dateLabel, slotLabel } from '../lib/format.ts';
import { STATUS_TEXT } from '../lib/interview-times.ts';
import { trpc } from '../lib/trpc.ts';
import '../components/interviews.css';

/** The private feed: its URL is shown once, when made (only its hash is kept); a new one replaces it. */
function CalendarFeed(props: { since: string | null; onChange(): void }) {
  const action = useAction();
  const [url, setUrl] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const make = () =>
    action.run(async () => {
      setUrl((await trpc.interviews.calendarFeed.mutate()).url);
      setCopied(false);
      props.onChange();
    });
  const revoke = () => {
    if (!confirm('Turn the calendar link off? Calendars subscribed to it stop updating.')) return;
    void action.run(async () => {
      await trpc.interviews.revokeCalendarFeed.mutate();
      setUrl(null);
      props.onChange();
    });
  };
  const copy = async () => {
    const link = url();
    if (!link) return;
    await navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => action.fail('Your browser did not let us copy: select the link and copy it yourself.'),
    );
  };
  return (
    <section class="card stack" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Calendar feed</h2>
      <p class="muted">
        Subscribe to your interviews from your calendar app. The link is private: anyone who has it sees your
        interviews, so keep it to yourself, and turn it off if it leaks.
      </p>
      <Show when={url()}>
        {(link) => (
          <div class="stack">
            <label for="feed-url">Your calendar link (shown this once; make a new one if you lose it)</label>
            <input id="feed-url" readOnly value={link()} onFocus={(e) => e.currentTarget.select()} />
            <div class="actions">
              <button type="button" class="button button-small" onClick={copy}>
                Copy link
              </button>
              <span role="status">{copied() ? 'Copied.' : ''}</span>
            </div>
          </div>
        )}
      </Show>
      <Show when={!url() && props.since}>
        <p>Your calendar link is on since {dateLabel(props.since)}.</p>
      </Show>
      <FormError message={action.problem()?.message ?? null} />
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={make} disabled={action.busy()}>
          {props.since || url() ? 'Make a new link (the old one stops working)' : 'Get my calendar link'}
        </button>
        <Show when={props.since || url()}>
          <button type="button" class="button button-small button-danger" onClick={revoke} disabled={action.busy()}>
            Turn the link off
          </button>
        </Show>
      </div>
    </section>
  );
}

function Interviews() {
  const mine = useQuery(() => ({ queryKey: ['interviews', 'mine'], queryFn: () => trpc.interviews.mine.query() }));
  const list = () => {
    const data = mine.data;
    return data?.role === 'member' ? data.interviews : [];
  };
  return (
    <>
      <Switch>
        <Match when={mine.isPending}>
          <Skeleton lines={3} />
        </Match>
        <Match when={mine.isError}>
          <ErrorBox error={mine.error} retry={() => mine.refetch()} />
        </Match>
        <Match when={list().length === 0}>
          <Empty title="No interviews yet">
            <p>Interviews you are assigned to, or proposed, appear here.</p>
          </Empty>
        </Match>
        <Match when={list().length > 0}>
          <p class="muted">Times in your time zone ({browserZone()}).</p>
          <ul class="cards">
            <For each={list()}>
              {(interview) => (
                <li class="card">
                  <h2 class="job-title">
                    {interview.jobTitle} — {interview.candidateName}
                  </h2>
                  <p>
                    <strong>{STATUS_TEXT[interview.status] ?? interview.status}</strong>
                    <Show when={interview.start && interview.end}>
                      {' '}
                      — {slotLabel(interview.start!, interview.end!)}
                    </Show>
                  </p>
                  <Show when={!interview.start}>
                    <ul aria-label="Times offered">
                      <For each={interview.slots}>{(slot) => <li>{slotLabel(slot.start, slot.end)}</li>}</For>
                    </ul>
                  </Show>
                  <p class="muted">
                    {[
                      interview.location,
                      interview.videoLink,
                      interview.interviewers.length
                        ? `With ${interview.interviewers.map((i) => i.email).join(', ')}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <CalendarFeed since={mine.data?.feed?.createdAt ?? null} onChange={() => void mine.refetch()} />
    </>
  );
}

export default function EmployerInterviews() {
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack wide">
          <h1>My interviews</h1>
          <Interviews />
        </div>
      )}
    </RequireRole>
  );
}
