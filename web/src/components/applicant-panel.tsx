import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { dateLabel, STATUS_LABEL } from '../lib/format.ts';
import { useAction } from '../lib/form.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { InterviewPanel } from './interview-panel.tsx';
import { REJECTION_REASON_LABEL } from './pipeline-labels.ts';
import { ScorecardPanel } from './scorecard-panel.tsx';
import { ScoreBar, SkillChips } from './ui.tsx';

export type Applicant = RouterOutputs['applications']['forJob']['applications'][number];

interface ResumeView {
  basics?: { name?: string; label?: string; summary?: string };
  work?: { name?: string; position?: string; startDate?: string; endDate?: string }[];
  education?: { institution?: string; area?: string; studyType?: string }[];
}

function ParsedResume(props: { data: ResumeView }) {
  return (
    <>
      <Show when={props.data.basics?.summary}>
        <p>{props.data.basics!.summary}</p>
      </Show>
      <Show when={props.data.work?.length}>
        <h4>Experience</h4>
        <ul>
          <For each={props.data.work}>
            {(w) => (
              <li>
                <strong>{w.position ?? 'Role'}</strong>
                {w.name ? `, ${w.name}` : ''}{' '}
                <span class="muted">
                  {[w.startDate, w.endDate ?? (w.startDate ? 'now' : '')].filter(Boolean).join(' – ')}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.data.education?.length}>
        <h4>Education</h4>
        <ul>
          <For each={props.data.education}>
            {(e) => <li>{[e.studyType, e.area, e.institution].filter(Boolean).join(', ')}</li>}
          </For>
        </ul>
      </Show>
    </>
  );
}

/** One applicant: the resume they sent (parsed, and the original), match reasons, notes, history. */
export function ApplicantPanel(props: { jobId: number; applicant: Applicant; onClose(): void }) {
  const client = useQueryClient();
  const id = () => props.applicant.id;
  const resume = useQuery(() => ({
    queryKey: ['applications', 'resume', id()],
    queryFn: () => trpc.applications.resume.query({ applicationId: id() }),
  }));
  const notes = useQuery(() => ({
    queryKey: ['applications', 'notes', id()],
    queryFn: () => trpc.applications.notes.query({ applicationId: id() }),
  }));
  const [draft, setDraft] = createSignal('');
  const note = useAction();
  const error = () => note.problem()?.message;
  let heading: HTMLHeadingElement | undefined;
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
  onMount(() => {
    heading?.focus();
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));

  const addNote = async (e: SubmitEvent) => {
    e.preventDefault();
    await note.run(async () => {
      await trpc.applications.addNote.mutate({ applicationId: id(), body: draft() });
      setDraft('');
      await notes.refetch();
      await client.invalidateQueries({ queryKey: ['applications', 'forJob', props.jobId] });
    });
  };
  const name = () =>
    props.applicant.seeker
      ? `${props.applicant.seeker.firstName} ${props.applicant.seeker.lastName}`
      : 'Former candidate (account erased)';

  return (
    <aside class="pipeline-panel" aria-labelledby="applicant-name">
      <div class="page-head">
        <h2 id="applicant-name" tabIndex={-1} ref={heading}>
          {name()}
        </h2>
        <button type="button" class="button button-small button-secondary" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <p class="muted">
        {STATUS_LABEL[props.applicant.status] ?? props.applicant.status} · applied{' '}
        {dateLabel(props.applicant.submittedAt)}
        <Show when={props.applicant.seeker}>
          {(s) => (
            <>
              <br />
              {s().email}
              {s().phone ? ` · ${s().phone}` : ''}
              {s().location ? ` · ${s().location}` : ''}
            </>
          )}
        </Show>
      </p>
      <Show when={props.applicant.rejection}>
        {(r) => (
          <p>
            Rejected: {REJECTION_REASON_LABEL[r().reason ?? ''] ?? 'no reason recorded'}
            {r().detail ? ` — ${r().detail}` : ''}
          </p>
        )}
      </Show>
      <InterviewPanel applicationId={props.applicant.id} />
      <section>
        <h3>Match</h3>
        <ScoreBar label="Match" score={props.applicant.matchScore} />
        <Show when={props.applicant.matchReasoning}>
          <p>{props.applicant.matchReasoning}</p>
        </Show>
        <Show when={props.applicant.coverLetter}>
          <blockquote class="cover-letter">{props.applicant.coverLetter}</blockquote>
        </Show>
      </section>
      <section>
        <h3>Resume as sent</h3>
        <Show
          when={resume.data}
          fallback={<p class="muted">{resume.isPending ? 'Loading…' : 'No resume came with this application.'}</p>}
        >
          {(r) => (
            <>
              <p class="muted">
                {r().source === 'migration'
                  ? 'Taken from the resume on file when records began (it may be newer than the application).'
                  : `Sent ${dateLabel(r().takenAt)}; later changes by the candidate do not appear here.`}
              </p>
              <Show when={r().file}>
                {(file) => (
                  <p>
                    <a class="button button-small button-secondary" href={file().url} download={file().name}>
                      Download the original ({file().name}, {Math.max(1, Math.round(file().sizeBytes / 1024))} KB)
                    </a>
                  </p>
                )}
              </Show>
              <Show when={r().skills.length}>
                <SkillChips kind="neutral" skills={r().skills.map((name) => ({ name }))} />
              </Show>
              <Show when={r().data}>{(data) => <ParsedResume data={data() as ResumeView} />}</Show>
              <details>
                <summary>The text</summary>
                <pre class="resume-text">{r().text}</pre>
              </details>
            </>
          )}
        </Show>
      </section>
      <section>
        <h3>Notes (only your company sees them)</h3>
        <ul>
          <For each={notes.data ?? []} fallback={<li class="muted">No notes yet.</li>}>
            {(note) => (
              <li>
                {note.body}{' '}
                <span class="muted">
                  — {note.author?.email ?? 'a former user'}, {dateLabel(note.at)}
                </span>
              </li>
            )}
          </For>
        </ul>
        <form onSubmit={addNote}>
          <label for="note-body">Add a note</label>
          <textarea
            id="note-body"
            rows={3}
            maxLength={5000}
            value={draft()}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <Show when={error()}>
            <p class="form-error" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button button-small" disabled={!draft().trim()}>
            Save note
          </button>
        </form>
      </section>
      <ScorecardPanel applicationId={id()} />
      <section>
        <h3>History</h3>
        <ol class="pipeline-history">
          <For each={props.applicant.history}>
            {(h) => (
              <li>
                {h.fromStatus ? `${STATUS_LABEL[h.fromStatus] ?? h.fromStatus} → ` : ''}
                {STATUS_LABEL[h.toStatus] ?? h.toStatus}{' '}
                <span class="muted">
                  by {h.by === 'employer' ? 'your company' : 'the candidate'}, {dateLabel(h.at)}
                </span>
              </li>
            )}
          </For>
        </ol>
      </section>
    </aside>
  );
}
