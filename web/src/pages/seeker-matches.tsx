import { A } from '@solidjs/router';
import { useInfiniteQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { CareerPaths } from '../components/career-paths.tsx';
import { InvitationsList } from '../components/invitations-list.tsx';
import { VisibilityConsent } from '../components/visibility-consent.tsx';
import { RequireRole } from '../components/guard.tsx';
import { SelfIdentificationPrompt } from '../components/self-identification-prompt.tsx';
import { ReviewRequest } from '../components/review-request.tsx';
import { Empty, ErrorBox, KeyedFor, ScoreBar, Skeleton, SkillChips } from '../components/ui.tsx';
import { employmentLabel, salaryLabel } from '../lib/format.ts';
import { statusClass } from '../lib/status.ts';
import { CompanyMark } from '../components/company-mark.tsx';
import { trpc, type RouterInputs, type RouterOutputs } from '../lib/trpc.ts';

type MatchItem = RouterOutputs['matches']['forMe']['items'][number];
type Page = RouterOutputs['matches']['forMe'];

type DismissReason = RouterInputs['matches']['dismiss']['reason'] & string;

const DISMISS_REASONS: [DismissReason, string][] = [
  ['not_relevant', 'Not relevant to me'],
  ['wrong_skills', 'My skills do not fit'],
  ['wrong_location', 'Wrong location'],
  ['wrong_seniority', 'Wrong level of seniority'],
  ['wrong_salary', 'Salary does not fit'],
  ['other', 'Another reason'],
];

function MatchCard(props: { match: MatchItem; onDismiss: (reason: DismissReason) => void; onReviewSent: () => void }) {
  const job = () => props.match.job;
  return (
    <li class="card match-card">
      <div class="match-head">
        <h2 class="job-title">
          <A
            href={`/jobs/${job().id}`}
            onClick={() => void trpc.matches.markViewed.mutate({ jobId: job().id }).catch(() => {})}
          >
            {job().title}
          </A>
        </h2>
        <span class="overall">
          <span class="visually-hidden">Overall match </span>
          {Math.round(props.match.overallScore * 100)}%
        </span>
      </div>
      <p class="muted">
        <CompanyMark name={job().companyName} />
        {job().companyName} · {job().location ?? 'Location not stated'}
        {job().remoteAllowed ? ' · Remote possible' : ''}
        {job().employmentType ? ` · ${employmentLabel(job().employmentType)}` : ''}
        {salaryLabel(job().salaryMin, job().salaryMax, job().currency)
          ? ` · ${salaryLabel(job().salaryMin, job().salaryMax, job().currency)}`
          : ''}
      </p>
      <div class="scores">
        <ScoreBar label="Overall" score={props.match.overallScore} />
        <ScoreBar label="Skills" score={props.match.skillMatchScore} />
        <ScoreBar label="Resume fit" score={props.match.semanticScore} />
      </div>
      <Show when={props.match.matchedSkills.length}>
        <SkillChips kind="matched" skills={props.match.matchedSkills} />
      </Show>
      <Show when={props.match.missingSkills.length}>
        <SkillChips kind="missing" skills={props.match.missingSkills} />
      </Show>
      <p class="reasoning">{props.match.matchReasoning}</p>
      <div class="actions">
        <Show when={!props.match.applied} fallback={<span class={statusClass('submitted')}>Applied</span>}>
          <A class="button button-small" href={`/jobs/${job().id}`}>
            View and apply
          </A>
        </Show>
      </div>
      <details class="dismiss">
        <summary>Hide this match</summary>
        {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not form fields: a fieldset's legend would be read before each */}
        <div class="dismiss-reasons" role="group" aria-label="Why hide it? Your answer improves your matches.">
          <For each={DISMISS_REASONS}>
            {([reason, label]) => (
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => props.onDismiss(reason)}
              >
                {label}
              </button>
            )}
          </For>
        </div>
      </details>
      <ReviewRequest jobId={job().id} review={props.match.review} onSent={props.onReviewSent} />
    </li>
  );
}

function Feed() {
  const client = useQueryClient();
  const feed = useInfiniteQuery(() => ({
    queryKey: ['matches', 'forMe'],
    queryFn: ({ pageParam }) => trpc.matches.forMe.query({ limit: 20, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page) => last.nextCursor,
    // Matches are computed after a resume change: look again for a short while.
    refetchInterval: (query) => ((query.state.data?.pages[0]?.items.length ?? 0) === 0 ? 2000 : false),
  }));
  const items = () => feed.data?.pages.flatMap((p) => p.items) ?? [];

  // Optimistic: the card disappears at once; on failure the feed is fetched again.
  const [hidden, setHidden] = createSignal<{ jobId: number; title: string } | null>(null);
  const dismiss = (match: MatchItem, reason: DismissReason) => {
    client.setQueryData(['matches', 'forMe'], (data: { pages: Page[]; pageParams: unknown[] } | undefined) =>
      data
        ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.jobId !== match.jobId) })) }
        : data,
    );
    setHidden({ jobId: match.jobId, title: match.job.title });
    trpc.matches.dismiss
      .mutate({ jobId: match.jobId, reason })
      .catch(() => client.invalidateQueries({ queryKey: ['matches'] }));
  };
  const undo = async (jobId: number) => {
    setHidden(null);
    await trpc.matches.undismiss.mutate({ jobId }).catch(() => {});
    await client.invalidateQueries({ queryKey: ['matches'] });
  };

  return (
    <>
      <Show when={hidden()}>
        {(h) => (
          <p class="notice-quiet" role="status">
            “{h().title}” is hidden.{' '}
            <button type="button" class="link-button" onClick={() => void undo(h().jobId)}>
              Undo
            </button>
          </p>
        )}
      </Show>
      <Switch>
        <Match when={feed.isPending}>
          <Skeleton lines={6} label="Loading your matches" />
        </Match>
        <Match when={feed.isError}>
          <ErrorBox error={feed.error} retry={() => feed.refetch()} />
        </Match>
        <Match when={items().length === 0}>
          <Empty title="No matches yet">
            <p>
              Add your resume and we will find the jobs that fit you. Matches appear here a few seconds after you save
              it.
            </p>
            <A class="button" href="/me/resume">
              Add your resume
            </A>
          </Empty>
        </Match>
        <Match when={items().length > 0}>
          <ul class="cards">
            <KeyedFor each={items()} by={(match) => match.jobId}>
              {(match) => (
                <MatchCard
                  match={match()}
                  onDismiss={(reason) => dismiss(match(), reason)}
                  onReviewSent={() => void client.invalidateQueries({ queryKey: ['matches'] })}
                />
              )}
            </KeyedFor>
          </ul>
          <Show when={feed.hasNextPage}>
            <button type="button" class="button button-secondary" onClick={() => feed.fetchNextPage()}>
              More matches
            </button>
          </Show>
        </Match>
      </Switch>
    </>
  );
}

export default function SeekerMatches() {
  return (
    <RequireRole role="job_seeker">
      {() => (
        <div class="stack wide">
          <h1>Your matches</h1>
          <p class="muted">
            Ranked by how well your skills and resume fit each job. Every score comes with the reasons behind it.
          </p>
          <InvitationsList />
          <CareerPaths />
          <Feed />
          <VisibilityConsent />
          {/* Optional and not about the matches: after them, so a phone's first screen shows a match. */}
          <SelfIdentificationPrompt />
        </div>
      )}
    </RequireRole>
  );
}
