import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Index, Show } from 'solid-js';
import { useAction } from '../lib/form.ts';
import { browserZone, slotLabel } from '../lib/format.ts';
import { STATUS_TEXT, slotFromInputs } from '../lib/interview-times.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { FormError } from './field.tsx';
import './interviews.css';

type Interview = RouterOutputs['interviews']['forApplication'][number];
const DURATIONS = [30, 45, 60, 90];

/** The times being typed: each a date and a time in the recruiter's zone. */
function SlotInputs(props: { prefix: string }) {
  const [rows, setRows] = createSignal([{ date: '', time: '' }]);
  return (
    <fieldset class="stack">
      <legend>Times to offer (your time zone: {browserZone()})</legend>
      <Index each={rows()}>
        {(row, i) => (
          <div class="slot-row">
            <label for={`${props.prefix}-date-${i}`}>Day {i + 1}</label>
            <input id={`${props.prefix}-date-${i}`} name="date" type="date" required value={row().date} />
            <label for={`${props.prefix}-time-${i}`}>Start {i + 1}</label>
            <input id={`${props.prefix}-time-${i}`} name="time" type="time" required value={row().time} />
          </div>
        )}
      </Index>
      <Show when={rows().length < 10}>
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => setRows([...rows(), { date: '', time: '' }])}
        >
          Add another time
        </button>
      </Show>
      <label for={`${props.prefix}-minutes`}>Length</label>
      <select id={`${props.prefix}-minutes`} name="minutes">
        <For each={DURATIONS}>{(m) => <option value={m} selected={m === 60}>{`${m} minutes`}</option>}</For>
      </select>
    </fieldset>
  );
}

function slotsOf(form: FormData) {
  const dates = form.getAll('date').map(String);
  const times = form.getAll('time').map(String);
  const minutes = Number(form.get('minutes') ?? 60);
  return dates.map((d, i) => slotFromInputs(d, times[i] ?? '', minutes)).filter((s) => s !== null);
}

function CurrentInterview(props: { interview: Interview; onChange(): Promise<void> }) {
  const action = useAction();
  const [moving, setMoving] = createSignal(false);
  const cancel = () => {
    if (!confirm('Cancel this interview? Everyone invited gets the cancellation.')) return;
    void action.run(async () => {
      await trpc.interviews.cancel.mutate({ interviewId: props.interview.id });
      await props.onChange();
    });
  };
  const reschedule = async (event: SubmitEvent) => {
    event.preventDefault();
    const slots = slotsOf(new FormData(event.currentTarget as HTMLFormElement));
    const done = await action.run(async () => {
      await trpc.interviews.reschedule.mutate({ interviewId: props.interview.id, slots, timeZone: browserZone() });
      await props.onChange();
    });
    if (done) setMoving(false);
  };
  return (
    <div class="stack interview-current">
      <p>
        <strong>{STATUS_TEXT[props.interview.status] ?? props.interview.status}</strong>
        <Show when={props.interview.start && props.interview.end}>
          {' '}
          — {slotLabel(props.interview.start!, props.interview.end!)}
        </Show>
      </p>
      <Show when={props.interview.status !== 'scheduled' && props.interview.status !== 'cancelled'}>
        <ul aria-label="Times offered">
          <For each={props.interview.slots}>{(slot) => <li>{slotLabel(slot.start, slot.end)}</li>}</For>
        </ul>
      </Show>
      <p class="muted">
        Interviewers: {props.interview.interviewers.map((i) => i.email).join(', ') || 'none'}
        {props.interview.location ? ` · ${props.interview.location}` : ''}
        {props.interview.videoLink ? ` · ${props.interview.videoLink}` : ''}
      </p>
      <FormError message={action.problem()?.message ?? null} />
      <Show when={props.interview.status !== 'cancelled'}>
        <Show
          when={moving()}
          fallback={
            <div class="actions">
              <button type="button" class="button button-small button-secondary" onClick={() => setMoving(true)}>
                Move to other times
              </button>
              <button type="button" class="button button-small button-danger" onClick={cancel} disabled={action.busy()}>
                Cancel interview
              </button>
            </div>
          }
        >
          <form class="stack" onSubmit={reschedule}>
            <p class="hint">
              One time sets it at once and sends the updated invitation; several go back to the candidate.
            </p>
            <SlotInputs prefix={`move-${props.interview.id}`} />
            <div class="actions">
              <button type="submit" class="button button-small" disabled={action.busy()}>
                Send new times
              </button>
              <button type="button" class="button button-small button-secondary" onClick={() => setMoving(false)}>
                Keep as is
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </div>
  );
}

/** The application's interview on the pipeline board: propose times, see where it stands, move or cancel it. */
export function InterviewPanel(props: { applicationId: number }) {
  const client = useQueryClient();
  const interviews = useQuery(() => ({
    queryKey: ['interviews', 'forApplication', props.applicationId],
    queryFn: () => trpc.interviews.forApplication.query({ applicationId: props.applicationId }),
  }));
  const members = useQuery(() => ({
    queryKey: ['companies', 'members'],
    queryFn: () => trpc.companies.members.query(),
  }));
  const propose = useAction();
  const refresh = async () => {
    await interviews.refetch();
    await client.invalidateQueries({ queryKey: ['applications', 'forJob'] });
  };
  const open = () => interviews.data?.find((i) => i.status !== 'cancelled');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const slots = slotsOf(form);
    if (!slots.length) return propose.fail('Give at least one day and start time.');
    await propose.run(async () => {
      await trpc.interviews.propose.mutate({
        applicationId: props.applicationId,
        slots,
        timeZone: browserZone(),
        location: String(form.get('location') ?? ''),
        videoLink: String(form.get('videoLink') ?? ''),
        interviewerIds: form.getAll('interviewer').map(Number),
      });
      await refresh();
    });
  };
  return (
    <section aria-labelledby={`interview-${props.applicationId}`}>
      <h3 id={`interview-${props.applicationId}`}>Interview</h3>
      <Show
        when={open()}
        fallback={
          <form class="stack" onSubmit={submit}>
            <SlotInputs prefix={`propose-${props.applicationId}`} />
            <fieldset>
              <legend>Interviewers</legend>
              <For each={members.data ?? []}>
                {(member) => (
                  <label class="checkbox">
                    <input type="checkbox" name="interviewer" value={member.userId} /> {member.email} ({member.role})
                  </label>
                )}
              </For>
            </fieldset>
            <label for={`location-${props.applicationId}`}>Location (optional)</label>
            <input id={`location-${props.applicationId}`} name="location" maxLength={200} />
            <label for={`video-${props.applicationId}`}>Video link (optional, https://)</label>
            <input id={`video-${props.applicationId}`} name="videoLink" type="url" maxLength={500} />
            <FormError message={propose.problem()?.message ?? null} />
            <button type="submit" class="button button-small" disabled={propose.busy()}>
              Propose times
            </button>
          </form>
        }
      >
        {(current) => <CurrentInterview interview={current()} onChange={refresh} />}
      </Show>
    </section>
  );
}
