import { Show } from 'solid-js';
import { percent } from '../lib/format.ts';
import { useFormAction } from '../lib/form.ts';
import { trpc, type RouterOutputs } from '../lib/trpc.ts';
import { Field, FormError } from './field.tsx';

type Review = NonNullable<
  Extract<RouterOutputs['matches']['candidatesForJob'][number], { identified: true }>['review']
>;

/** A candidate's review request on the employer's side: what they asked, and the answer box. */
export function ReviewAnswer(props: { review: Review; onAnswered: () => void }) {
  const form = useFormAction(async (data) => {
    await trpc.matches.respondToReview.mutate({
      reviewId: props.review.id,
      response: String(data.get('response') ?? ''),
    });
    props.onAnswered();
  });
  const id = () => `response-${props.review.id}`;
  return (
    <div class="review-state">
      <strong>{props.review.kind === 'contest_score' ? 'Contests the score' : 'Asks for a human review'}</strong>
      <Show when={props.review.contestedScore !== null}>
        <span class="muted"> (score seen: {percent(props.review.contestedScore)})</span>
      </Show>
      <blockquote>{props.review.message}</blockquote>
      <Show
        when={props.review.status === 'open'}
        fallback={<p class="muted">You answered: “{props.review.response}”</p>}
      >
        <form onSubmit={form.submit} novalidate>
          <FormError message={form.problem()?.message ?? null} />
          <Field id={id()} label="Your answer (the candidate sees it)" errors={form.errors('response')}>
            <textarea id={id()} name="response" rows={2} maxLength={2000} aria-describedby={`${id()}-error`} />
          </Field>
          <button type="submit" class="button button-small" disabled={form.busy()}>
            Send answer
          </button>
        </form>
      </Show>
    </div>
  );
}
