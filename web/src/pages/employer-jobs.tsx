import { A } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { DataTable } from '../components/data-table.tsx';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, Skeleton, StatusBadge } from '../components/ui.tsx';
import { dateLabel, STATUS_LABEL } from '../lib/format.ts';
import { useAction } from '../lib/form.ts';
import { useConfirm } from '../components/primitives/confirm.tsx';
import { trpc } from '../lib/trpc.ts';

const NEXT: Record<string, { status: 'draft' | 'active' | 'closed'; label: string }[]> = {
  draft: [
    { status: 'active', label: 'Post' },
    { status: 'closed', label: 'Discard' },
  ],
  active: [{ status: 'closed', label: 'Close' }],
  closed: [{ status: 'active', label: 'Reopen' }],
};

function JobList() {
  const client = useQueryClient();
  const jobs = useQuery(() => ({ queryKey: ['jobs', 'mine'], queryFn: () => trpc.jobs.mine.query() }));
  const action = useAction();
  const confirm = useConfirm();
  const error = () => action.problem()?.message;
  const setStatus = async (id: number, status: 'draft' | 'active' | 'closed', title: string) => {
    // Closing takes the job off search and ends its applications' intake: ask first.
    if (
      status === 'closed' &&
      !(await confirm.ask({
        title: `Close “${title}”?`,
        body: 'It leaves the search and takes no more applications. You can reopen it later.',
        confirmLabel: 'Close the job',
      }))
    )
      return;
    await action.run(async () => {
      await trpc.jobs.setStatus.mutate({ id, status });
      await client.invalidateQueries({ queryKey: ['jobs'] });
    });
  };
  return (
    <Switch>
      <Match when={jobs.isPending}>
        <Skeleton lines={5} />
      </Match>
      <Match when={jobs.isError}>
        <ErrorBox error={jobs.error} retry={() => jobs.refetch()} />
      </Match>
      <Match when={jobs.data?.length === 0}>
        <Empty title="No jobs yet">
          <p>Post your first job and we will rank the candidates who fit it.</p>
          <A class="button" href="/employer/jobs/new">
            Post a job
          </A>
        </Empty>
      </Match>
      <Match when={jobs.data}>
        <confirm.Dialog />
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <DataTable columns={['Job', 'Status', 'Applicants', 'Posted', 'Actions']} rows={jobs.data ?? []}>
          {(job) => (
            <tr>
              <th scope="row">
                <A href={`/employer/jobs/${job.id}`}>{job.title}</A>
              </th>
              <td>
                <StatusBadge status={job.status} label={STATUS_LABEL[job.status] ?? job.status} />
              </td>
              <td>{job.applicationCount}</td>
              <td>{dateLabel(job.postedAt) || '–'}</td>
              <td class="actions">
                <A href={`/employer/jobs/${job.id}/edit`}>Edit</A>
                <For each={NEXT[job.status] ?? []}>
                  {(next) => (
                    <button type="button" class="link-button" onClick={() => setStatus(job.id, next.status, job.title)}>
                      {next.label}
                    </button>
                  )}
                </For>
              </td>
            </tr>
          )}
        </DataTable>
      </Match>
    </Switch>
  );
}

export default function EmployerJobs() {
  return (
    <RequireRole role="employer">
      {() => (
        <div class="stack wide">
          <div class="page-head">
            <h1>Your jobs</h1>
            <A class="button" href="/employer/jobs/new">
              Post a job
            </A>
          </div>
          <JobList />
        </div>
      )}
    </RequireRole>
  );
}
