import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { type Applicant, ApplicantPanel } from '../components/applicant-panel.tsx';
import { RequireRole } from '../components/guard.tsx';
import { COLUMN_LABEL, COLUMNS, type Column, type EmployerMove, MOVE_LABEL } from '../components/pipeline-labels.ts';
import { type RejectionInput, RejectDialog } from '../components/reject-dialog.tsx';
import { BackLink, ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel, percent } from '../lib/format.ts';
import { useEmployerJobOfPage } from '../lib/employer-job.ts';
import { problemOf, trpc } from '../lib/trpc.ts';
import '../components/pipeline.css';

type Sort = 'score' | 'newest' | 'oldest';

/** The same cap as the server's setStatusMany (MAX_BULK_MOVE). */
const BULK_CAP = 50;

function Filters(props: {
  minScore: number;
  skill: string;
  since: string;
  sort: Sort;
  onChange(change: Partial<{ minScore: number; skill: string; since: string; sort: Sort }>): void;
}) {
  const active = () => [props.minScore > 0, props.skill.trim() !== '', props.since !== ''].filter(Boolean).length;
  // Folded on a phone so the board, and the column a card is dragged to, start within the screen.
  return (
    <details class="pipeline-filters" open={!window.matchMedia('(max-width: 48rem)').matches}>
      <summary>Filter and sort{active() ? ` (${active()} active)` : ''}</summary>
      <Tools {...props} />
    </details>
  );
}

function Tools(props: Parameters<typeof Filters>[0]) {
  return (
    <fieldset class="pipeline-tools">
      <legend class="visually-hidden">Filter and sort applicants</legend>
      <label>
        Match at least
        <select value={props.minScore} onChange={(e) => props.onChange({ minScore: Number(e.currentTarget.value) })}>
          <option value={0}>Any</option>
          <option value={0.5}>50%</option>
          <option value={0.7}>70%</option>
          <option value={0.85}>85%</option>
        </select>
      </label>
      <label>
        Skill
        <input
          type="search"
          placeholder="e.g. Pediatrics"
          value={props.skill}
          onInput={(e) => props.onChange({ skill: e.currentTarget.value })}
        />
      </label>
      <label>
        Applied since
        <input type="date" value={props.since} onInput={(e) => props.onChange({ since: e.currentTarget.value })} />
      </label>
      <label>
        Sort by
        <select value={props.sort} onChange={(e) => props.onChange({ sort: e.currentTarget.value as Sort })}>
          <option value="score">Best match</option>
          <option value="newest">Newest</option>
          <option value="oldest">Oldest</option>
        </select>
      </label>
    </fieldset>
  );
}

function ApplicantCard(props: {
  applicant: Applicant;
  selected: boolean;
  onSelect(selected: boolean): void;
  onMove(to: EmployerMove): void;
  onOpen(): void;
}) {
  const name = () =>
    props.applicant.seeker
      ? `${props.applicant.seeker.firstName} ${props.applicant.seeker.lastName}`
      : 'Former candidate';
  return (
    <li
      class={`pipeline-card${props.selected ? ' selected' : ''}`}
      draggable={props.applicant.next.length > 0}
      onDragStart={(e) => e.dataTransfer?.setData('text/plain', String(props.applicant.id))}
      data-application={props.applicant.id}
    >
      <div class="pipeline-card-head">
        <label>
          <input type="checkbox" checked={props.selected} onChange={(e) => props.onSelect(e.currentTarget.checked)} />
          {name()}
        </label>
        <span class="overall">{percent(props.applicant.matchScore)}</span>
      </div>
      <p class="muted">
        applied {dateLabel(props.applicant.submittedAt)}
        {props.applicant.notes ? ` · ${props.applicant.notes} note${props.applicant.notes === 1 ? '' : 's'}` : ''}
        {props.applicant.resume?.hasOriginal ? ' · original file' : ''}
      </p>
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={() => props.onOpen()}>
          Open<span class="visually-hidden"> {name()}</span>
        </button>
        <For each={props.applicant.next as EmployerMove[]}>
          {(to) => (
            <button
              type="button"
              class={to === 'rejected' ? 'button button-small button-secondary' : 'button button-small'}
              onClick={() => props.onMove(to)}
            >
              {MOVE_LABEL[to]}
              <span class="visually-hidden"> {name()}</span>
            </button>
          )}
        </For>
      </div>
    </li>
  );
}

function Board(props: { jobId: number }) {
  const client = useQueryClient();
  const list = useQuery(() => ({
    queryKey: ['applications', 'forJob', props.jobId],
    queryFn: () => trpc.applications.forJob.query({ jobId: props.jobId }),
  }));
  const [filters, setFilters] = createSignal({ minScore: 0, skill: '', since: '', sort: 'score' as Sort });
  const [selected, setSelected] = createSignal<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = createSignal<number | null>(null);
  const [rejecting, setRejecting] = createSignal<number[] | null>(null);
  const [dropTarget, setDropTarget] = createSignal<Column | null>(null);
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [bulkTo, setBulkTo] = createSignal<EmployerMove>('reviewed');

  const visible = createMemo(() => {
    const f = filters();
    const skill = f.skill.trim().toLowerCase();
    const rows = (list.data?.applications ?? []).filter(
      (a) =>
        (a.matchScore ?? 0) >= f.minScore &&
        (!skill || (a.resume?.skills ?? []).some((s) => s.toLowerCase().includes(skill))) &&
        (!f.since || a.submittedAt.slice(0, 10) >= f.since),
    );
    const by: Record<Sort, (a: Applicant, b: Applicant) => number> = {
      score: (a, b) => (b.matchScore ?? -1) - (a.matchScore ?? -1),
      newest: (a, b) => b.submittedAt.localeCompare(a.submittedAt),
      oldest: (a, b) => a.submittedAt.localeCompare(b.submittedAt),
    };
    return [...rows].sort(by[f.sort]);
  });
  const inColumn = (column: Column) => visible().filter((a) => a.status === column);
  const opened = () => list.data?.applications.find((a) => a.id === openId()) ?? null;

  const refresh = () => client.invalidateQueries({ queryKey: ['applications', 'forJob', props.jobId] });
  const move = async (ids: number[], to: EmployerMove, rejection: RejectionInput | null = null) => {
    if (to === 'rejected' && !rejection) return setRejecting(ids);
    setMessage(null);
    try {
      const result = await trpc.applications.setStatusMany.mutate({ ids, status: to, rejection });
      const moved = `${result.moved.length} moved to ${COLUMN_LABEL[to].toLowerCase()}.`;
      setMessage(
        result.refused.length
          ? { text: `${moved} ${result.refused.map((r) => r.message).join(' ')}`, error: true }
          : { text: moved, error: false },
      );
      setSelected(new Set<number>());
    } catch (problem) {
      setMessage({ text: problemOf(problem).message, error: true });
    }
    await refresh();
  };
  const onDrop = (column: Column, e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const id = Number(e.dataTransfer?.getData('text/plain'));
    const applicant = list.data?.applications.find((a) => a.id === id);
    if (!applicant || applicant.status === column) return;
    if (!(applicant.next as string[]).includes(column)) {
      setMessage({
        text: `A ${COLUMN_LABEL[applicant.status as Column]} application cannot move to ${COLUMN_LABEL[column]}.`,
        error: true,
      });
      return;
    }
    void move([id], column as EmployerMove);
  };
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <Switch>
      <Match when={list.isPending}>
        <Skeleton lines={6} />
      </Match>
      <Match when={list.isError}>
        <ErrorBox error={list.error} retry={() => list.refetch()} />
      </Match>
      <Match when={list.data}>
        <Filters {...filters()} onChange={(change) => setFilters({ ...filters(), ...change })} />
        <fieldset class="pipeline-tools">
          <legend class="visually-hidden">Move the selected applicants</legend>
          <span>
            {selected().size} selected{selected().size > BULK_CAP ? ` (at most ${BULK_CAP} move at once)` : ''}
          </span>
          <label>
            Move selected to
            <select value={bulkTo()} onChange={(e) => setBulkTo(e.currentTarget.value as EmployerMove)}>
              <For each={Object.keys(MOVE_LABEL) as EmployerMove[]}>
                {(to) => <option value={to}>{COLUMN_LABEL[to]}</option>}
              </For>
            </select>
          </label>
          <button
            type="button"
            class="button button-small"
            disabled={selected().size === 0 || selected().size > BULK_CAP}
            onClick={() => void move([...selected()], bulkTo())}
          >
            Move
          </button>
        </fieldset>
        <p role="status" class={message()?.error ? 'form-error' : 'muted'}>
          {message()?.text ?? ''}
        </p>
        <div class="pipeline-board">
          <For each={COLUMNS}>
            {(column) => (
              <section
                class={`pipeline-column${dropTarget() === column ? ' drop-target' : ''}`}
                aria-labelledby={`column-${column}`}
                data-column={column}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDropTarget(column);
                }}
                onDragLeave={() => setDropTarget(null)}
                onDrop={(e) => onDrop(column, e)}
              >
                <h2 id={`column-${column}`}>
                  {COLUMN_LABEL[column]} <span class="badge">{inColumn(column).length}</span>
                </h2>
                <ul>
                  <For each={inColumn(column)}>
                    {(applicant) => (
                      <ApplicantCard
                        applicant={applicant}
                        selected={selected().has(applicant.id)}
                        onSelect={(on) => toggle(applicant.id, on)}
                        onMove={(to) => void move([applicant.id], to)}
                        onOpen={() => setOpenId(applicant.id)}
                      />
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </div>
        <Show when={rejecting()}>
          {(ids) => (
            <RejectDialog
              count={ids().length}
              onCancel={() => setRejecting(null)}
              onConfirm={(rejection) => {
                // Read before closing: once rejecting() is null, Show's accessor is stale and throws.
                const chosen = ids();
                setRejecting(null);
                void move(chosen, 'rejected', rejection);
              }}
            />
          )}
        </Show>
        <Show when={opened()}>
          {(applicant) => (
            <ApplicantPanel jobId={props.jobId} applicant={applicant()} onClose={() => setOpenId(null)} />
          )}
        </Show>
      </Match>
    </Switch>
  );
}

export default function EmployerPipeline() {
  const { jobId, job } = useEmployerJobOfPage();
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack pipeline-page" style={{ 'max-width': 'none' }}>
          <BackLink href={`/employer/jobs/${jobId()}`}>The job</BackLink>
          <h1>Pipeline{job.data ? `: ${job.data.title}` : ''}</h1>
          <p class="muted">
            Drag a card to the next column, or use its buttons. Open a card for the resume as sent, notes and history.
          </p>
          <Board jobId={jobId()} />
        </div>
      )}
    </RequireRole>
  );
}
