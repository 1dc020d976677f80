import { useNavigate, useParams } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Field, FormError, TextField } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { SkillRows } from '../components/skill-rows.tsx';
import { BackLink, ErrorBox, Skeleton } from '../components/ui.tsx';
import { EMPLOYMENT_TYPES } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { useEmployerJob } from '../lib/employer-job.ts';
import { trpc, type RouterInputs, type RouterOutputs } from '../lib/trpc.ts';

type Job = RouterOutputs['jobs']['get'];
const SALARY_FIELDS = [
  ['salaryMin', 'Salary from'],
  ['salaryMax', 'Salary to'],
] as const;
type SkillRow = { name: string; required: boolean; priority: 1 | 2 | 3; inferred?: boolean; custom?: boolean };

function Editor(props: { job: Job | null }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [skills, setSkills] = createSignal<SkillRow[]>(
    props.job?.skills.map((s) => ({
      name: s.name,
      required: s.required,
      priority: (s.priority ?? 2) as 1 | 2 | 3,
      inferred: s.inferred,
      custom: s.custom,
    })) ?? [],
  );
  const { problem, busy, errors, submit } = useFormAction(async (form) => {
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const money = (name: string) => (value(name) === '' ? null : Number(value(name)));
    const fields = {
      title: value('title'),
      description: value('description'),
      location: value('location'),
      remoteAllowed: form.get('remoteAllowed') === 'on',
      employmentType: (value('employmentType') || null) as RouterInputs['jobs']['create']['employmentType'],
      salaryMin: money('salaryMin'),
      salaryMax: money('salaryMax'),
      currency: value('currency') || 'USD',
      requirements: { experienceYears: value('experienceYears') === '' ? null : Number(value('experienceYears')) },
      skills: skills().map(({ name, required, priority }) => ({ name, required, priority })),
    };
    const job = props.job
      ? await trpc.jobs.update.mutate({ id: props.job.id, ...fields })
      : await trpc.jobs.create.mutate({ ...fields, status: form.get('draft') === 'on' ? 'draft' : 'active' });
    await client.invalidateQueries({ queryKey: ['jobs'] });
    navigate(`/employer/jobs/${job.id}`);
  });

  return (
    <form class="panel job-editor" onSubmit={submit} novalidate>
      <FormError message={problem()?.message ?? null} />
      <TextField id="title" label="Title" errors={errors('title')} value={props.job?.title} required />
      <Field id="description" label="Description" errors={errors('description')}>
        <textarea id="description" name="description" rows="8" required aria-describedby="description-error">
          {props.job?.description ?? ''}
        </textarea>
      </Field>
      <div class="row">
        <TextField
          id="location"
          label="Location"
          errors={errors('location')}
          value={props.job?.location}
          placeholder="City, region"
        />
        <Field id="employmentType" label="Type" errors={errors('employmentType')}>
          <select id="employmentType" name="employmentType" aria-describedby="employmentType-error">
            <option value="">Not stated</option>
            <For each={EMPLOYMENT_TYPES}>
              {([value, label]) => (
                <option value={value} selected={props.job?.employmentType === value}>
                  {label}
                </option>
              )}
            </For>
          </select>
        </Field>
      </div>
      <label class="check">
        <input type="checkbox" name="remoteAllowed" checked={props.job?.remoteAllowed ?? false} /> Can be done remotely
      </label>
      <div class="row">
        <For each={SALARY_FIELDS}>
          {([id, label]) => (
            <TextField
              id={id}
              label={label}
              errors={errors(id)}
              type="number"
              min={0}
              step="any"
              value={props.job?.[id]}
            />
          )}
        </For>
        <TextField
          id="currency"
          label="Currency"
          errors={errors('currency')}
          value={props.job?.currency ?? 'USD'}
          maxLength={3}
        />
        <TextField
          id="experienceYears"
          label="Years of experience"
          errors={errors('requirements.experienceYears')}
          type="number"
          min={0}
          max={50}
          value={props.job?.requirements?.experienceYears}
        />
      </div>
      <fieldset class="skills-fieldset">
        <legend>Skills</legend>
        <p class="hint">Leave empty and we will read them from the description; you can confirm them afterwards.</p>
        <SkillRows<SkillRow>
          class="skills-table"
          columns={['Required', 'Priority']}
          rows={skills()}
          setRows={setSkills}
          newRow={(name, custom) => ({ name, required: true, priority: 2, custom })}
          name={(skill) => (
            <>
              {skill.name}
              <Show when={skill.inferred}>
                <span class="muted"> · read from the text</span>
              </Show>
              <Show when={skill.custom}>
                <span class="muted"> · this job’s own (not in our list yet: sent to review)</span>
              </Show>
            </>
          )}
          cells={(skill, change) => (
            <>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${skill.name} is required`}
                  checked={skill.required}
                  onChange={(e) => change({ required: e.currentTarget.checked })}
                />
              </td>
              <td>
                <select
                  aria-label={`Priority of ${skill.name}`}
                  onChange={(e) => change({ priority: Number(e.currentTarget.value) as 1 | 2 | 3 })}
                >
                  <option value="1" selected={skill.priority === 1}>
                    Must have
                  </option>
                  <option value="2" selected={skill.priority === 2}>
                    Important
                  </option>
                  <option value="3" selected={skill.priority === 3}>
                    Nice to have
                  </option>
                </select>
              </td>
            </>
          )}
        />
      </fieldset>
      <Show when={!props.job}>
        <label class="check">
          <input type="checkbox" name="draft" /> Save as a draft (not visible to job seekers yet)
        </label>
      </Show>
      <button class="button" type="submit" disabled={busy()}>
        {busy() ? 'Saving…' : props.job ? 'Save changes' : 'Post job'}
      </button>
    </form>
  );
}

export default function EmployerJobEditor() {
  const params = useParams<{ id?: string }>();
  const job = useEmployerJob(() => (params.id ? Number(params.id) : null));
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack wide">
          <BackLink href="/employer/jobs">Your jobs</BackLink>
          <h1>{params.id ? 'Edit job' : 'Post a job'}</h1>
          <Switch>
            <Match when={!params.id}>
              <Editor job={null} />
            </Match>
            <Match when={job.isPending}>
              <Skeleton lines={8} />
            </Match>
            <Match when={job.isError}>
              <ErrorBox error={job.error} />
            </Match>
            <Match when={job.data}>{(data) => <Editor job={data()} />}</Match>
          </Switch>
        </div>
      )}
    </RequireRole>
  );
}
