import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { dateLabel, STATUS_LABEL } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';
import { Field, FormError } from './field.tsx';
import { ReviewAnswer } from './review-answer.tsx';
import { Empty, ErrorBox, KeyedFor, ScoreBar, Skeleton, SkillChips } from './ui.tsx';

/** Below this overall score a candidate is noise on this page. */
const CANDIDATE_MIN_SCORE = 0.25;

type Candidate = RouterOutputs['matches']['candidatesForJob'][number];
type Invitation = NonNullable<Candidate['invitation']>;

const INVITATION_LABEL: Record<Invitation['status'], string> = {
  open: 'Invited, no answer yet',
  accepted: 'Accepted your invitation',
  declined: 'Declined your invitation',
};

function InvitationState(props: { invitation: Invitation }) {
  return (
    <p class="invitation-state" data-status={props.invitation.status}>
      <strong>{INVITATION_LABEL[props.invitation.status]}</strong>
      <span class="muted"> · invited {dateLabel(props.invitation.createdAt)}</span>
    </p>
  );
}

/** The "Invite to apply" form of one anonymous candidate, folded until asked for. */
function InviteForm(props: { jobId: number; candidateId: string; pseudonym: string; onSent: () => void }) {
  const [open, setOpen] = createSignal(false);
  const form = useFormAction(async (data) => {
    await trpc.invitations.send.mutate({
      jobId: props.jobId,
      candidateId: props.candidateId,
      message: String(data.get('message') ?? ''),
    });
    props.onSent();
  });
  const id = () => `invite-${props.candidateId}`;
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button button-small" onClick={() => setOpen(true)}>
          Invite to apply
        </button>
      }
    >
      <form class="invite-form" onSubmit={form.submit} novalidate>
        <FormError message={form.problem()?.message ?? null} />
        <Field
          id={id()}
          label={`Message to ${props.pseudonym} (they see it with the job)`}
          errors={form.errors('message')}
        >
          <textarea id={id()} name="message" rows={3} maxLength={2000} aria-describedby={`${id()}-error`} />
        </Field>
        <div class="actions">
          <button type="submit" class="button button-small" disabled={form.busy()}>
            Send invitation
          </button>
          <button type="button" class="button button-small button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Show>
  );
}

type Named = Extract<Candidate, { identified: true }>;
type Anonymous = Extract<Candidate, { identified: false }>;
const namedOf = (c: Candidate): Named | false => c.identified && c;
const anonymousOf = (c: Candidate): Anonymous | false => !c.identified && c;
const reviewOf = (c: Candidate) => (c.identified ? c.review : null);

function CandidateCard(props: { jobId: number; candidate: Candidate; refresh: () => void }) {
  const c = () => props.candidate;
  return (
    <li class="card candidate-card">
      <div class="match-head">
        <h3>
          <Switch>
            <Match when={namedOf(c())}>
              {(named) => (
                <>
                  {named().firstName} {named().lastName}
                </>
              )}
            </Match>
            <Match when={anonymousOf(c())}>
              {(anonymous) => (
                <>
                  {anonymous().pseudonym} <span class="badge">anonymous</span>
                </>
              )}
            </Match>
          </Switch>
        </h3>
        <span class="overall">{Math.round(c().overallScore * 100)}%</span>
      </div>
      <Switch>
        <Match when={namedOf(c())}>
          {(named) => (
            <p class="muted">
              {[named().headline, named().location].filter(Boolean).join(' · ')}
              {named().application ? ` · applied (${STATUS_LABEL[named().application!.status]?.toLowerCase()})` : ''}
            </p>
          )}
        </Match>
        <Match when={!c().identified}>
          <p class="muted">{c().headline ?? 'No headline'}</p>
        </Match>
      </Switch>
      <div class="scores">
        <ScoreBar label="Skills" score={c().skillMatchScore} />
        <ScoreBar label="Resume fit" score={c().semanticScore} />
      </div>
      <Show when={c().matchedSkills.length}>
        <SkillChips kind="matched" skills={c().matchedSkills} />
      </Show>
      <Show when={c().missingSkills.length}>
        <SkillChips kind="missing" skills={c().missingSkills} />
      </Show>
      <Show when={c().matchReasoning}>{(reasons) => <p class="reasons">{reasons()}</p>}</Show>
      <Show when={reviewOf(c())}>{(review) => <ReviewAnswer review={review()} onAnswered={props.refresh} />}</Show>
      <Show
        when={c().invitation}
        fallback={
          <Show when={anonymousOf(c())}>
            {(anonymous) => (
              <InviteForm
                jobId={props.jobId}
                candidateId={anonymous().candidateId}
                pseudonym={anonymous().pseudonym}
                onSent={props.refresh}
              />
            )}
          </Show>
        }
      >
        {(invitation) => <InvitationState invitation={invitation()} />}
      </Show>
    </li>
  );
}

/** The job's ranked candidates: applicants by name, people who said yes to being found anonymously. */
export function Candidates(props: { jobId: number }) {
  const client = useQueryClient();
  const candidates = useQuery(() => ({
    queryKey: ['matches', 'candidates', props.jobId],
    queryFn: () => trpc.matches.candidatesForJob.query({ jobId: props.jobId, minScore: CANDIDATE_MIN_SCORE }),
  }));
  const refresh = () => void client.invalidateQueries({ queryKey: ['matches', 'candidates', props.jobId] });
  return (
    <section>
      <h2>Ranked candidates</h2>
      <p class="muted">
        People whose resumes fit this job (25% or more), best first. Only people who chose to be found are listed, and
        without their name, contact details or past employers until they apply; invite them to apply. Applicants and
        anyone who asked for a human review are shown by name.
      </p>
      <Switch>
        <Match when={candidates.isPending}>
          <Skeleton lines={4} />
        </Match>
        <Match when={candidates.isError}>
          <ErrorBox error={candidates.error} retry={() => candidates.refetch()} />
        </Match>
        <Match when={candidates.data?.length === 0}>
          <Empty title="No candidates yet">
            <p>
              Matching runs a few seconds after a job is posted or changed; only people who chose to be found appear.
            </p>
          </Empty>
        </Match>
        <Match when={candidates.data}>
          <ol class="cards">
            <KeyedFor
              each={candidates.data ?? []}
              by={(candidate) => (candidate.identified ? `seeker-${candidate.seekerId}` : candidate.candidateId)}
            >
              {(c) => <CandidateCard jobId={props.jobId} candidate={c()} refresh={refresh} />}
            </KeyedFor>
          </ol>
        </Match>
      </Switch>
    </section>
  );
}
