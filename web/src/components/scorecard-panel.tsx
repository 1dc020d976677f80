/**
 * An application's scorecards: the form for a member assigned to interview the candidate, and
 * the cards their role lets them read (all of them for owners and recruiters, side by side with
 * a summary; the others' for an interviewer once their own is in).
 */
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, Match, Show, Switch, untrack } from 'solid-js';
import { Field, FormError } from './field.tsx';
import { ErrorBox, KeyedFor, Skeleton } from './ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';

type View = RouterOutputs['scorecards']['forApplication'];
type Card = NonNullable<View['mine']>;
type Recommendation = Card['recommendation'];

const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};
const RECOMMENDATIONS = Object.keys(RECOMMENDATION_LABEL) as Recommendation[];
const RATING_LABEL = ['', 'Poor', 'Fair', 'Good', 'Excellent'];

function ScorecardForm(props: { applicationId: number; view: View; onSaved: () => Promise<unknown> }) {
  const mine = () => props.view.mine;
  // What the form starts from, read once: a refetch must not undo choices being made.
  const saved = untrack(() => props.view.mine);
  const ratingOf = (skill: string) => saved?.ratings.find((r) => r.skill === skill)?.rating;
  const form = useFormAction(async (data) => {
    await trpc.scorecards.submit.mutate({
      applicationId: props.applicationId,
      ratings: props.view.skills.map((s) => ({ skillId: s.skillId, rating: Number(data.get(`skill-${s.skillId}`)) })),
      recommendation: String(data.get('recommendation') ?? '') as Recommendation,
      notes: String(data.get('scorecard-notes') ?? ''),
    });
    await props.onSaved();
  });
  const id = (suffix: string) => `scorecard-${props.applicationId}-${suffix}`;
  return (
    <form class="stack scorecard-form" onSubmit={form.submit} novalidate>
      <h4>{mine() ? 'Your scorecard' : 'Leave your scorecard'}</h4>
      <FormError message={form.problem()?.message ?? null} />
      <KeyedFor each={props.view.skills} by={(skill) => skill.skillId}>
        {(skill) => (
          <fieldset class="rating">
            <legend>{skill().name}</legend>
            <For each={[1, 2, 3, 4]}>
              {(n) => (
                // No space before the text: a label's name starts with its words (the input's gap is CSS).
                <label>
                  <input
                    type="radio"
                    name={`skill-${skill().skillId}`}
                    value={n}
                    checked={untrack(() => ratingOf(skill().name)) === n}
                    required
                  />
                  {n} {RATING_LABEL[n]}
                </label>
              )}
            </For>
          </fieldset>
        )}
      </KeyedFor>
      <fieldset class="rating">
        <legend>Overall recommendation</legend>
        <For each={RECOMMENDATIONS}>
          {(r) => (
            <label>
              <input type="radio" name="recommendation" value={r} checked={saved?.recommendation === r} required />
              {RECOMMENDATION_LABEL[r]}
            </label>
          )}
        </For>
      </fieldset>
      <Field id={id('notes')} label="Notes (the candidate never sees them)" errors={form.errors('notes')}>
        <textarea
          id={id('notes')}
          name="scorecard-notes"
          rows="4"
          maxLength={5000}
          aria-describedby={`${id('notes')}-error`}
        >
          {saved?.notes ?? ''}
        </textarea>
      </Field>
      <div class="actions">
        <button class="button button-small" type="submit" disabled={form.busy()}>
          {mine() ? 'Update scorecard' : 'Submit scorecard'}
        </button>
        <Show when={form.saved()}>
          <span class="muted" role="status">
            Scorecard saved.
          </span>
        </Show>
      </div>
    </form>
  );
}

function CardView(props: { card: Card; title: string }) {
  return (
    <article class="scorecard">
      <header>
        <strong>{props.title}</strong>{' '}
        <span class="muted">
          {RECOMMENDATION_LABEL[props.card.recommendation]} · {dateLabel(props.card.editedAt ?? props.card.submittedAt)}
        </span>
      </header>
      <ul class="plain">
        <For each={props.card.ratings}>
          {(r) => (
            <li>
              {r.skill}: {r.rating}/4 {RATING_LABEL[r.rating]}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.card.notes}>
        <p>{props.card.notes}</p>
      </Show>
    </article>
  );
}

/** How many cards said each recommendation: what a recruiter reads first. */
function Summary(props: { cards: Card[] }) {
  const count = (r: Recommendation) => props.cards.filter((c) => c.recommendation === r).length;
  return (
    <p>
      {props.cards.length} {props.cards.length === 1 ? 'scorecard' : 'scorecards'}:{' '}
      {RECOMMENDATIONS.filter((r) => count(r) > 0)
        .map((r) => `${count(r)} ${RECOMMENDATION_LABEL[r].toLowerCase()}`)
        .join(', ')}
    </p>
  );
}

const authorName = (card: Card) => card.author.email ?? 'A former member';

export function ScorecardPanel(props: { applicationId: number }) {
  const client = useQueryClient();
  const view = useQuery(() => ({
    queryKey: ['scorecards', 'forApplication', props.applicationId],
    queryFn: () => trpc.scorecards.forApplication.query({ applicationId: props.applicationId }),
  }));
  const all = () => [...(view.data?.mine ? [view.data.mine] : []), ...(view.data?.others ?? [])];
  return (
    <section class="scorecards" aria-label="Scorecards">
      <h3>Scorecards</h3>
      <Switch>
        <Match when={view.isPending}>
          <Skeleton lines={2} label="Loading the scorecards" />
        </Match>
        <Match when={view.isError}>
          <ErrorBox error={view.error} retry={() => view.refetch()} />
        </Match>
        <Match when={view.data}>
          {(data) => (
            <>
              <Show when={all().length > 0} fallback={<p class="muted">No scorecard yet.</p>}>
                <Summary cards={all()} />
              </Show>
              <Show when={data().othersHidden > 0}>
                <p class="muted">
                  {data().othersHidden === 1 ? 'Another interviewer' : `${data().othersHidden} other interviewers`} left
                  a scorecard: you will see it once yours is in.
                </p>
              </Show>
              <For each={data().others}>{(card) => <CardView card={card} title={authorName(card)} />}</For>
              <Show when={data().canSubmit}>
                <ScorecardForm
                  applicationId={props.applicationId}
                  view={data()}
                  onSaved={() =>
                    Promise.all([view.refetch(), client.invalidateQueries({ queryKey: ['scorecards', 'mine'] })])
                  }
                />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
