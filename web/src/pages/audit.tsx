import { useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { AuditView } from '../components/audit-view.tsx';
import { useMe } from '../lib/session.ts';
import { trpc } from '../lib/trpc.ts';
import { ErrorBox, Skeleton } from '../components/ui.tsx';

/** The bias audit: an employer's jobs (all, or one), or the whole platform for admins. */
export default function AuditPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const jobId = () => (params.job ? Number(params.job) : undefined);
  const isAdmin = () => me.data?.userType === 'admin';
  const jobs = useQuery(() => ({
    queryKey: ['jobs', 'mine'],
    queryFn: () => trpc.jobs.mine.query(),
    enabled: me.data?.userType === 'employer',
  }));
  const audit = useQuery(() => ({
    queryKey: ['audit', isAdmin() ? 'platform' : 'employer', jobId()],
    queryFn: () => (isAdmin() ? trpc.audit.platform.query() : trpc.audit.forEmployer.query({ jobId: jobId() })),
    enabled: !!me.data && me.data.userType !== 'job_seeker',
  }));
  return (
    <div class="stack wide">
      <h1>Bias audit</h1>
      <p class="muted">
        Selection and scoring rates by the categories seekers chose to self-identify with (New York City Local Law 144).
        This is the data an independent auditor needs; the audit itself, and the notices to candidates, remain the
        employer's duty.
      </p>
      <Show when={me.data?.userType === 'employer' && jobs.data}>
        {(list) => (
          <label class="inline-field">
            Jobs:{' '}
            <select value={jobId() ?? ''} onChange={(e) => setParams({ job: e.currentTarget.value || undefined })}>
              <option value="">All my jobs</option>
              <For each={list()}>{(job) => <option value={job.id}>{job.title}</option>}</For>
            </select>
          </label>
        )}
      </Show>
      <Switch>
        <Match when={me.data?.userType === 'job_seeker'}>
          <p>The audit is for employers and admins.</p>
        </Match>
        <Match when={audit.isPending}>
          <Skeleton lines={8} label="Computing the audit" />
        </Match>
        <Match when={audit.isError}>
          <ErrorBox error={audit.error} retry={() => audit.refetch()} />
        </Match>
        <Match when={audit.data}>
          {(data) => (
            <AuditView audit={data()} fileName={jobId() ? `bias-audit-job-${jobId()}.csv` : 'bias-audit.csv'} />
          )}
        </Match>
      </Switch>
    </div>
  );
}
