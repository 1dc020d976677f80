import { A, useParams } from '@solidjs/router';
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { UnavailableJobState } from '../components/unavailable-job.tsx';
import { jobKey, recordIdOf, type UnavailableJob, unavailableJobKey } from '../lib/public-queries.ts';
import { createEffect, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { Field, FormError } from '../components/field.tsx';
import { BackLink, ErrorBox, NotFoundState, Skeleton, SkillChips } from '../components/ui.tsx';
import { SaveJobButton } from '../components/save-job.tsx';
import { dateLabel, employmentLabel, salaryLabel, yearsLabel } from '../lib/format.ts';
import { lastSearchHref } from '../lib/last-search.ts';
import { useMe } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';
import { CompanyMark } from '../components/company-mark.tsx';
import { MyMatch } from '../components/my-match.tsx';

type MyApplication = RouterOutputs['applications']['mine'][number];

/** Where the seeker's application stands; a withdrawn one says so, and that it cannot be renewed. */
function AppliedState(props: { application: MyApplication }) {
  const withdrawnAt = () => props.application.history.findLast((h) => h.toStatus === 'withdrawn')?.at ?? null;
  return (
    <Show
      when={props.application.status === 'withdrawn'}
      fallback={
        <p class="notice" role="status">
          You applied on {dateLabel(props.application.submittedAt)}.{' '}
          <A href="/me/applications">Follow your application</A>.
        </p>
      }
    >
      <p class="notice notice-quiet" role="status">
        You withdrew your application{withdrawnAt() ? ` on ${dateLabel(withdrawnAt())}` : ''}. Each job takes one
        application per person, so you cannot apply to this job again. <A href="/me/matches">See your other matches</A>.
      </p>
    </Show>
  );
}

function ApplyForm(props: { jobId: number }) {
  const client = useQueryClient();
  const applications = useQuery(() => ({
    queryKey: ['applications', 'mine'],
    queryFn: () => trpc.applications.mine.query(),
  }));
  const applied = () => applications.data?.find((a) => a.job.id === props.jobId);
  const me = useQuery(() => ({ queryKey: ['seekers', 'me'], queryFn: () => trpc.seekers.me.query() }));
  const noResume = () => me.isSuccess && !me.data?.resumeUpdatedAt;
  const form = useFormAction(async (data) => {
    await trpc.applications.submit.mutate({ jobId: props.jobId, coverLetter: String(data.get('coverLetter') ?? '') });
    await client.invalidateQueries({ queryKey: ['applications'] });
    await client.invalidateQueries({ queryKey: ['matches'] });
  });
  return (
    <Show when={!applied()} fallback={<AppliedState application={applied()!} />}>
      <form id="apply" class="panel" onSubmit={form.submit} novalidate>
        <h2>Apply</h2>
        <FormError message={form.problem()?.message ?? null} />
        <Show when={noResume()}>
          <p class="notice" role="note">
            You have no resume on file: the employer would see only your name, contact details and cover letter.{' '}
            <A href="/me/resume">Add your resume first</A>, or apply without one.
          </p>
        </Show>
        <Field
          id="coverLetter"
          label="Cover letter (optional)"
          errors={form.errors('coverLetter')}
          hint="At most 10,000 characters. The employer sees your name, resume and contact details once you apply."
        >
          <textarea
            id="coverLetter"
            name="coverLetter"
            rows="6"
            maxLength={10000}
            aria-describedby="coverLetter-hint coverLetter-error"
          />
        </Field>
        <button class="button" type="submit" disabled={form.busy()}>
          {form.busy() ? 'Sending…' : noResume() ? 'Apply without a resume' : 'Apply for this job'}
        </button>
      </form>
    </Show>
  );
}

export default function JobPage() {
  const params = useParams<{ id: string }>();
  const me = useMe();
  // "/jobs/abc" names no job: a not-found page, not the schema's complaint about the id.
  const jobId = () => recordIdOf(params.id);
  // Set by the server for a closed or unknown job: its page says so instead of asking again.
  const client = useQueryClient();
  const unavailable = () => client.getQueryData<UnavailableJob>(unavailableJobKey(jobId()));
  const job = useQuery(() => ({
    queryKey: jobKey(jobId()),
    queryFn: () => trpc.jobs.get.query({ id: jobId()! }),
    enabled: jobId() !== null && !unavailable(),
    staleTime: 60_000,
  }));

  // The JSON-LD goes into <head> so that search engines can index the posting (a page the
  // server rendered has it there already).
  createEffect(() => {
    const data = job.data;
    if (!data || document.querySelector('script[type="application/ld+json"][data-server]')) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify(data.jsonLd).replace(/</g, '\\u003c');
    document.head.appendChild(script);
    onCleanup(() => script.remove());
  });

  return (
    <Switch>
      <Match when={jobId() === null}>
        <NotFoundState message="There is no job at this address." />
      </Match>
      <Match when={unavailable()}>{(gone) => <UnavailableJobState job={gone()} />}</Match>
      <Match when={job.isPending}>
        <Skeleton lines={8} label="Loading the job" />
      </Match>
      <Match when={job.isError}>
        <ErrorBox error={job.error} retry={() => job.refetch()} />
      </Match>
      <Match when={job.data}>
        {(data) => (
          <article class="stack job-page">
            <BackLink href={lastSearchHref()}>All jobs</BackLink>
            <header>
              <h1>{data().title}</h1>
              <SaveJobButton jobId={data().id} title={data().title} />
              <p class="muted">
                <CompanyMark name={data().employer.companyName} />
                {data().employer.companyName} · {data().location ?? 'Location not stated'}
                {data().remoteAllowed ? ' · Remote possible' : ''}{' '}
                {data().employmentType ? ` · ${employmentLabel(data().employmentType)}` : ''}
              </p>
              <Show when={salaryLabel(data().salaryMin, data().salaryMax, data().currency)}>
                {(s) => <p class="salary">{s()}</p>}
              </Show>
              <p class="muted">
                Posted {dateLabel(data().postedAt)}
                {data().expiresAt ? ` · open until ${dateLabel(data().expiresAt)}` : ''}
              </p>
            </header>
            <Show when={data().isOwner}>
              <p class="notice">
                This is your job ({data().status}). <A href={`/employer/jobs/${data().id}`}>Review candidates</A> ·{' '}
                <A href={`/employer/jobs/${data().id}/edit`}>Edit</A>
              </p>
            </Show>
            <section>
              <h2>About the job</h2>
              <For each={data().description.split(/\n+/)}>{(paragraph) => <p>{paragraph}</p>}</For>
            </section>
            <Show when={data().skills.length}>
              <section>
                <h2>Skills</h2>
                <SkillChips kind="neutral" skills={data().skills} />
              </section>
            </Show>
            <Show when={data().requirements?.experienceYears}>
              {(years) => <p>Experience: {yearsLabel(years())} or more.</p>}
            </Show>
            <Switch>
              <Match when={me.data?.userType === 'job_seeker' && data().status === 'active'}>
                <MyMatch jobId={data().id} />
                <ApplyForm jobId={data().id} />
              </Match>
              <Match when={me.isSuccess && !me.data}>
                <p class="panel">
                  <A href={`/signin?next=/jobs/${data().id}`}>Sign in</A> or <A href="/signup">create an account</A> to
                  apply.
                </p>
              </Match>
            </Switch>
          </article>
        )}
      </Match>
    </Switch>
  );
}
