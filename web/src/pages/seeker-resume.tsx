import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { VisibilityConsent } from '../components/visibility-consent.tsx';
import { Field, FormError } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { SkillRows } from '../components/skill-rows.tsx';
import { ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { useAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';

type Resume = RouterOutputs['seekers']['resume'];
type Skill = Resume['skills'][number];
type Level = 'beginner' | 'intermediate' | 'expert';

function ResumeInput(props: { resume: Resume }) {
  const client = useQueryClient();
  const action = useAction();
  const run = async (save: () => Promise<Resume>) => {
    const done = await action.run(async () => client.setQueryData(['seekers', 'resume'], await save()));
    // New matches are computed after the save; the feed looks again for them.
    if (done) await client.invalidateQueries({ queryKey: ['matches'] });
  };
  return (
    <section class="panel">
      <h2>Your resume</h2>
      <FormError message={action.problem()?.message ?? null} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const text = String(new FormData(e.currentTarget).get('text') ?? '');
          void run(() => trpc.seekers.setResume.mutate({ text }));
        }}
      >
        <Field id="resume-text" label="Paste your resume" errors={action.errors('text')}>
          <textarea
            id="resume-text"
            name="text"
            rows="14"
            value={props.resume.text ?? ''}
            aria-describedby="resume-text-error"
          />
        </Field>
        <button class="button" type="submit" disabled={action.busy()}>
          {action.busy() ? 'Reading your resume…' : 'Save resume'}
        </button>
      </form>
      <div class="upload">
        <label for="resume-file">Or upload a PDF, Word (.docx) or text file, up to 5 MB</label>
        <input
          id="resume-file"
          type="file"
          accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          disabled={action.busy()}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            if (file.size > 5 * 1024 * 1024) {
              action.fail('The file is larger than 5 MB. Upload a smaller file or paste the text.');
              return;
            }
            const form = new FormData();
            form.append('file', file);
            void run(() => trpc.seekers.uploadResume.mutate(form));
          }}
        />
      </div>
      <Show when={action.saved()}>
        <p class="notice" role="status">
          Resume saved. Your matches are being updated.
        </p>
      </Show>
    </section>
  );
}

type ResumeData = NonNullable<Resume['data']>;

/** What the parser read, correctable field by field: the matching reads the corrected version. */
function Parsed(props: { resume: Resume }) {
  const client = useQueryClient();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal<ResumeData | null>(null);
  const action = useAction();
  const setWork = (i: number, field: 'position' | 'name' | 'startDate' | 'endDate', value: string) =>
    setDraft((d) =>
      d ? { ...d, work: d.work.map((w, j) => (j === i ? { ...w, [field]: value || undefined } : w)) } : d,
    );
  const setSchool = (i: number, field: 'institution' | 'studyType' | 'area' | 'endDate', value: string) =>
    setDraft((d) =>
      d ? { ...d, education: d.education.map((e, j) => (j === i ? { ...e, [field]: value || undefined } : e)) } : d,
    );
  const save = () =>
    action.run(async () => {
      client.setQueryData(['seekers', 'resume'], await trpc.seekers.updateResumeData.mutate({ data: draft()! }));
      setEditing(false);
    });
  return (
    <Show when={props.resume.data}>
      {(resume) => (
        <section class="panel">
          <div class="page-head">
            <h2>What we read</h2>
            <Show when={!editing()}>
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => {
                  setDraft(JSON.parse(JSON.stringify(resume())) as ResumeData);
                  setEditing(true);
                }}
              >
                Correct it
              </button>
            </Show>
          </div>
          <p class="muted">Read by {props.resume.parserModel}.</p>
          <Show
            when={editing() && draft()}
            fallback={
              <>
                <Show when={resume().work.length}>
                  <h3>Experience</h3>
                  <ul class="plain-list">
                    <For each={resume().work}>
                      {(work) => (
                        <li>
                          <strong>{work.position ?? 'Role'}</strong>
                          {work.name ? `, ${work.name}` : ''}{' '}
                          <span class="muted">
                            ({work.startDate ?? '?'} – {work.endDate ?? 'present'})
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={resume().education.length}>
                  <h3>Education</h3>
                  <ul class="plain-list">
                    <For each={resume().education}>
                      {(e) => (
                        <li>
                          {[e.studyType, e.area].filter(Boolean).join(', ')}
                          {e.institution ? ` – ${e.institution}` : ''} {e.endDate ? `(${e.endDate})` : ''}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            }
          >
            {(current) => (
              <div class="stack">
                <FormError message={action.problem()?.message ?? null} />
                <For each={current().work}>
                  {(work, i) => (
                    <fieldset class="skills-fieldset">
                      <legend>Role {i() + 1}</legend>
                      <div class="row">
                        <Field id={`work-${i()}-position`} label="Position">
                          <input
                            id={`work-${i()}-position`}
                            value={work.position ?? ''}
                            onChange={(e) => setWork(i(), 'position', e.currentTarget.value)}
                          />
                        </Field>
                        <Field id={`work-${i()}-name`} label="Employer">
                          <input
                            id={`work-${i()}-name`}
                            value={work.name ?? ''}
                            onChange={(e) => setWork(i(), 'name', e.currentTarget.value)}
                          />
                        </Field>
                      </div>
                      <div class="row">
                        <Field id={`work-${i()}-start`} label="From (YYYY or YYYY-MM)">
                          <input
                            id={`work-${i()}-start`}
                            value={work.startDate ?? ''}
                            onChange={(e) => setWork(i(), 'startDate', e.currentTarget.value)}
                          />
                        </Field>
                        <Field id={`work-${i()}-end`} label="To (empty if current)">
                          <input
                            id={`work-${i()}-end`}
                            value={work.endDate ?? ''}
                            onChange={(e) => setWork(i(), 'endDate', e.currentTarget.value)}
                          />
                        </Field>
                      </div>
                    </fieldset>
                  )}
                </For>
                <For each={current().education}>
                  {(school, i) => (
                    <fieldset class="skills-fieldset">
                      <legend>Education {i() + 1}</legend>
                      <div class="row">
                        <Field id={`edu-${i()}-institution`} label="School">
                          <input
                            id={`edu-${i()}-institution`}
                            value={school.institution ?? ''}
                            onChange={(e) => setSchool(i(), 'institution', e.currentTarget.value)}
                          />
                        </Field>
                        <Field id={`edu-${i()}-type`} label="Degree">
                          <input
                            id={`edu-${i()}-type`}
                            value={school.studyType ?? ''}
                            onChange={(e) => setSchool(i(), 'studyType', e.currentTarget.value)}
                          />
                        </Field>
                        <Field id={`edu-${i()}-area`} label="Field">
                          <input
                            id={`edu-${i()}-area`}
                            value={school.area ?? ''}
                            onChange={(e) => setSchool(i(), 'area', e.currentTarget.value)}
                          />
                        </Field>
                      </div>
                    </fieldset>
                  )}
                </For>
                <div class="actions">
                  <button type="button" class="button" onClick={save}>
                    Save corrections
                  </button>
                  <button type="button" class="link-button" onClick={() => setEditing(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}

type SkillRow = {
  name: string;
  proficiencyLevel: Level | null;
  yearsExperience: number | null;
  source: Skill['source'];
  evidence: string | null;
  custom: boolean;
  inReview: boolean;
  confirm: boolean;
};

const rowsOf = (skills: Skill[]): SkillRow[] =>
  skills.map((s) => ({
    name: s.name,
    proficiencyLevel: (s.proficiencyLevel as Level | null) ?? null,
    yearsExperience: s.yearsExperience,
    source: s.source,
    evidence: s.evidence,
    custom: s.custom,
    inReview: s.inReview,
    confirm: false,
  }));

const ORIGIN_LABELS: Record<Skill['source'], string> = {
  resume: 'Read from your resume',
  confirmed: 'Confirmed by you',
  typed: 'Added by you',
};

/** What a new resume changed in the skills list: read for the first time, or no longer read. */
function skillChanges(before: Skill[], after: Skill[]) {
  const had = new Set(before.map((s) => s.name));
  const has = new Set(after.map((s) => s.name));
  return {
    added: after.filter((s) => !had.has(s.name)).map((s) => s.name),
    removed: before.filter((s) => !has.has(s.name)).map((s) => s.name),
  };
}

function OriginCell(props: { row: SkillRow; isNew: boolean; onConfirm: () => void }) {
  return (
    <span class="skill-origin">
      <span class={`badge badge-origin-${props.row.source}`}>
        {props.row.confirm ? 'Confirmed by you (save to keep)' : ORIGIN_LABELS[props.row.source]}
      </span>
      <Show when={props.isNew}>
        {' '}
        <span class="badge badge-new">New</span>
      </Show>
      <Show when={props.row.custom}>
        <span class="muted"> · your own skill{props.row.inReview ? ', sent to review' : ''}</span>
      </Show>
      <Show when={props.row.source === 'resume' && !props.row.confirm}>
        {' '}
        <button
          type="button"
          class="link-button"
          aria-label={`Confirm ${props.row.name}`}
          onClick={() => props.onConfirm()}
        >
          Confirm
        </button>
      </Show>
      <Show when={props.row.evidence}>
        <span class="evidence" title={props.row.evidence!}>
          {' '}
          · “{props.row.evidence}”
        </span>
      </Show>
    </span>
  );
}

/**
 * The seeker's skills, each with where it came from. What the seeker leaves as read stays
 * "read from your resume" (a new resume replaces it); an edit or a confirmation makes it theirs.
 */
function SkillsEditor(props: { skills: Skill[] }) {
  const client = useQueryClient();
  const [rows, setRows] = createSignal(rowsOf(props.skills));
  const action = useAction();
  const [changes, setChanges] = createSignal<{ added: string[]; removed: string[] } | null>(null);
  let saving = false;
  // A new resume (or a save) brings new skills: show them, and say what a new resume changed.
  createEffect(
    on(
      () => props.skills,
      (skills, previous) => {
        setRows(rowsOf(skills));
        const changed = previous && !saving ? skillChanges(previous, skills) : null;
        if (changed && (changed.added.length || changed.removed.length)) {
          action.clear();
          setChanges(changed);
        }
      },
      { defer: true },
    ),
  );
  const save = async () => {
    saving = true;
    const done = await action.run(async () => {
      const skills = await trpc.seekers.setSkills.mutate({
        skills: rows().map(({ name, proficiencyLevel, yearsExperience, confirm }) => ({
          name,
          proficiencyLevel,
          yearsExperience,
          confirm,
        })),
      });
      client.setQueryData(['seekers', 'resume'], (old: Resume | undefined) => (old ? { ...old, skills } : old));
      setChanges(null);
    });
    try {
      if (done) await client.invalidateQueries({ queryKey: ['matches'] });
    } finally {
      // Cleared only now: the cache tells the effect above of the saved skills a tick later.
      saving = false;
    }
  };
  const isNew = (name: string) => changes()?.added.includes(name) ?? false;
  return (
    <section class="panel">
      <h2>Your skills</h2>
      <p class="muted">
        Read from your resume or added by you. A new resume replaces what we read, never what you added or confirmed.
        Your own level and years count for more than what we read.
      </p>
      <Show when={changes()}>
        {(c) => (
          <p class="notice" role="status">
            With your new resume: {c().added.length ? `newly read ${c().added.join(', ')}` : 'no new skills read'}
            {c().removed.length ? `; no longer read ${c().removed.join(', ')}` : ''}.
          </p>
        )}
      </Show>
      <FormError message={action.problem()?.message ?? null} />
      <SkillRows<SkillRow>
        class="skills-table seeker-skills"
        scroll
        columns={['Level', 'Years']}
        rows={rows()}
        setRows={setRows}
        newRow={(name, custom) => ({
          name,
          proficiencyLevel: null,
          yearsExperience: null,
          source: 'typed',
          evidence: null,
          custom,
          inReview: custom,
          confirm: false,
        })}
        rowClass={(row) => ({ 'skill-new': isNew(row.name) })}
        name={(row, change) => (
          <>
            <span class="skill-name">{row.name}</span>
            <OriginCell row={row} isNew={isNew(row.name)} onConfirm={() => change({ confirm: true })} />
          </>
        )}
        cells={(row, change) => (
          <>
            <td>
              <select
                aria-label={`Level of ${row.name}`}
                onChange={(e) => change({ proficiencyLevel: (e.currentTarget.value || null) as Level | null })}
              >
                <option value="">Not stated</option>
                <For each={['beginner', 'intermediate', 'expert'] as const}>
                  {(level) => (
                    <option value={level} selected={row.proficiencyLevel === level}>
                      {level}
                    </option>
                  )}
                </For>
              </select>
            </td>
            <td>
              <input
                aria-label={`Years of ${row.name}`}
                type="number"
                min="0"
                max="60"
                value={row.yearsExperience ?? ''}
                onChange={(e) =>
                  change({ yearsExperience: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })
                }
              />
            </td>
          </>
        )}
      />
      <button type="button" class="button" onClick={save}>
        Save skills
      </button>
      <Show when={action.saved()}>
        <p class="notice" role="status">
          Saved. Your matches are being updated.
        </p>
      </Show>
    </section>
  );
}

type Retention = RouterOutputs['seekers']['resume']['retention'];

/** What we keep and for how long; the notice the retention sweep issued, or the erasure it did. */
function RetentionNotice(props: { retention: Retention }) {
  const recentNotice = () =>
    props.retention.noticeIssuedAt && Date.now() - Date.parse(props.retention.noticeIssuedAt) < 60 * 24 * 3600_000;
  return (
    <>
      <Show when={props.retention.erasedAt}>
        {(erasedAt) => (
          <p class="notice" role="status">
            Your resume was erased on {dateLabel(erasedAt())} after {props.retention.months} months without a sign-in,
            as we said we would. Add it again to get matches.
          </p>
        )}
      </Show>
      <Show when={!props.retention.erasedAt && recentNotice()}>
        <p class="notice" role="status">
          On {dateLabel(props.retention.noticeIssuedAt!)} we noted you had not signed in for almost{' '}
          {props.retention.months} months, so your resume was due to be erased 30 days later. You are back: we keep it.
        </p>
      </Show>
      <p class="muted">
        We keep your resume while you use Fitwork. After {props.retention.months} months without signing in it is erased
        (with a notice here 30 days before).
      </p>
    </>
  );
}

export default function SeekerResume() {
  const resume = useQuery(() => ({ queryKey: ['seekers', 'resume'], queryFn: () => trpc.seekers.resume.query() }));
  return (
    <RequireRole role="job_seeker">
      {() => (
        <div class="stack wide">
          <h1>Resume and skills</h1>
          <Switch>
            <Match when={resume.isPending}>
              <Skeleton lines={8} />
            </Match>
            <Match when={resume.isError}>
              <ErrorBox error={resume.error} retry={() => resume.refetch()} />
            </Match>
            <Match when={resume.data}>
              {(data) => (
                <>
                  <RetentionNotice retention={data().retention} />
                  <ResumeInput resume={data()} />
                  <Parsed resume={data()} />
                  <SkillsEditor skills={data().skills} />
                  <VisibilityConsent />
                </>
              )}
            </Match>
          </Switch>
        </div>
      )}
    </RequireRole>
  );
}
