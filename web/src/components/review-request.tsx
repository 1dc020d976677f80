import { Show } from 'solid-js';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';
import { Field, FormError } from './field.tsx';
import { RadioChoices } from './primitives/radio-choices.tsx';

type Review = NonNullable<RouterOutputs['matches']['forMe']['items'][number]['review']>;

const KIND_LABEL = { contest_score: 'You contested this score', human_review: 'You asked for a human review' } as const;

/** The state of a request, as the seeker sees it. */
function ReviewState(props: { review: Review }) {
  return (
    <div class="review-state" role="status">
      <strong>{KIND_LABEL[props.review.kind]}</strong>
      <Show when={props.review.status === 'open'} fallback={<p>The employer answered: “{props.review.response}”</p>}>
        <p class="muted">Waiting for the employer's answer. A person, not the algorithm, will answer.</p>
      </Show>
    </div>
  );
}

/** Contest a match score or ask a person at the employer to review the candidacy. */
export function ReviewRequest(props: { jobId: number; review: Review | null; onSent: () => void }) {
  const form = useFormAction(async (data) => {
    await trpc.matches.requestReview.mutate({
      jobId: props.jobId,
      kind: data.get('kind') === 'contest_score' ? 'contest_score' : 'human_review',
      message: String(data.get('message') ?? ''),
    });
    props.onSent();
  });
  const id = (name: string) => `${name}-${props.jobId}`;
  return (
    <Show when={props.review?.status !== 'open'} fallback={<ReviewState review={props.review!} />}>
      <Show when={props.review}>{(review) => <ReviewState review={review()} />}</Show>
      <details class="review-request">
        <summary>Question this score</summary>
        <form onSubmit={form.submit} novalidate>
          <p class="muted">
            Your message goes to the employer of this job with the score you see. A person answers it.
          </p>
          <FormError message={form.problem()?.message ?? null} />
          <RadioChoices
            name="kind"
            legend="What do you ask?"
            choices={[
              ['contest_score', 'The score is wrong'],
              ['human_review', 'I want a person to review my candidacy'],
            ]}
            defaultValue="contest_score"
          />
          <Field id={id('message')} label="What should they look at?" errors={form.errors('message')}>
            <textarea
              id={id('message')}
              name="message"
              rows={3}
              maxLength={2000}
              aria-describedby={`${id('message')}-error`}
            />
          </Field>
          <button type="submit" class="button button-small" disabled={form.busy()}>
            Send
          </button>
        </form>
      </details>
    </Show>
  );
}
