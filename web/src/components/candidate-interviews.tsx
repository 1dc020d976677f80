import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { useAction } from '../lib/form.ts';
import { browserZone, slotLabel } from '../lib/format.ts';
import { STATUS_TEXT } from '../lib/interview-times.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { FormError } from './field.tsx';
import './interviews.css';

type Mine = RouterOutputs['interviews']['mine'];
type Interview = Mine['interviews'][number];

/** The seeker's interviews, asked for once for every application card on the page. */
export function useCandidateInterviews() {
  return useQuery(() => ({
    queryKey: ['interviews', 'mine'],
    queryFn: () => trpc.interviews.mine.query(),
    refetchInterval: 30_000,
  }));
}

function Offer(props: { interview: Interview }) {
  const client = useQueryClient();
  const action = useAction();
  const [asking, setAsking] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['interviews', 'mine'] }),
      client.invalidateQueries({ queryKey: ['applications', 'mine'] }),
    ]);
  const choose = (event: SubmitEvent) => {
    event.preventDefault();
    const slotId = Number(new FormData(event.currentTarget as HTMLFormElement).get('slot'));
    if (!slotId) return action.fail('Choose one of the times first.');
    void action.run(async () => {
      await trpc.interviews.choose.mutate({ interviewId: props.interview.id, slotId });
      await refresh();
    });
  };
  const askForOthers = (event: SubmitEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await trpc.interviews.requestOtherTimes.mutate({ interviewId: props.interview.id, message: message() });
      await refresh();
    });
  };
  return (
    <div class="stack">
      <form class="stack" onSubmit={choose}>
        <fieldset>
          <legend>Choose a time (shown in your time zone, {browserZone()})</legend>
          <For each={props.interview.slots}>
            {(slot) => (
              <label class="checkbox">
                <input type="radio" name="slot" value={slot.id} /> {slotLabel(slot.start, slot.end)}
              </label>
            )}
          </For>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button button-small" disabled={action.busy()}>
            Confirm this time
          </button>
          <Show when={props.interview.status === 'proposed' && !asking()}>
            <button type="button" class="button button-small button-secondary" onClick={() => setAsking(true)}>
              None of these work
            </button>
          </Show>
        </div>
      </form>
      <Show when={asking()}>
        <form class="stack" onSubmit={askForOthers}>
          <label for={`other-times-${props.interview.id}`}>When would suit you? (optional)</label>
          <textarea
            id={`other-times-${props.interview.id}`}
            rows={2}
            maxLength={1000}
            value={message()}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
          <button type="submit" class="button button-small button-secondary" disabled={action.busy()}>
            Ask for other times
          </button>
        </form>
      </Show>
      <FormError message={action.problem()?.message ?? null} />
    </div>
  );
}

/** An application's interview as the candidate sees it: the offered times to choose from, or the time set. */
export function CandidateInterviews(props: { applicationId: number; mine: Mine | undefined }) {
  const theirs = () => (props.mine?.interviews ?? []).filter((i) => i.applicationId === props.applicationId);
  return (
    <For each={theirs()}>
      {(interview) => (
        <section class="notice notice-quiet" aria-label="Interview">
          <p>
            <strong>Interview: {STATUS_TEXT[interview.status] ?? interview.status}</strong>
            <Show when={interview.start && interview.end && interview.status !== 'proposed'}>
              {' '}
              — {slotLabel(interview.start!, interview.end!)} ({browserZone()})
            </Show>
          </p>
          <Show when={interview.location || interview.videoLink}>
            <p class="muted">{[interview.location, interview.videoLink].filter(Boolean).join(' · ')}</p>
          </Show>
          <Show when={interview.status === 'proposed' || interview.status === 'other_times_requested'}>
            <Show when={interview.status === 'other_times_requested'}>
              <p class="muted">You asked for other times; the employer will propose new ones.</p>
            </Show>
            <Offer interview={interview} />
          </Show>
        </section>
      )}
    </For>
  );
}
