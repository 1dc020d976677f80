import { Show } from 'solid-js';
import { useFormAction } from '../lib/form.ts';
import {
  RACE_CHOICES,
  SEX_CHOICES,
  useSelfIdentification,
  type RaceEthnicity,
  type Sex,
} from '../lib/self-identification.ts';
import { trpc } from '../lib/trpc.ts';
import { FormError } from './field.tsx';
import { RadioChoices } from './primitives/radio-choices.tsx';

const UNANSWERED = 'unanswered';

/** Voluntary self-identification for the bias audit: optional, never shown to employers, never used to score. */
export function SelfIdentification() {
  const current = useSelfIdentification();
  const form = useFormAction(async (data) => {
    const answered = (name: string) => {
      const value = data.get(name);
      return value && value !== UNANSWERED ? String(value) : null;
    };
    const sex = answered('sex') as Sex | null;
    const raceEthnicity = answered('raceEthnicity') as RaceEthnicity | null;
    await trpc.seekers.selfIdentify.mutate({ sex, raceEthnicity });
    await current.refetch();
  });
  return (
    <form onSubmit={form.submit} novalidate class="panel">
      <h2>Voluntary self-identification</h2>
      <p class="muted">
        Optional. It is kept apart from your profile, never shown to employers and never used to score you. It only
        counts, with everyone else's, in the bias audits that check our matching treats groups fairly.
      </p>
      <FormError message={form.problem()?.message ?? null} />
      <Show when={current.data} fallback={<p class="muted">Loading…</p>}>
        {(saved) => (
          <>
            <RadioChoices
              name="sex"
              legend="Sex"
              choices={[[UNANSWERED, 'Not answered'], ...SEX_CHOICES]}
              defaultValue={saved().sex ?? UNANSWERED}
            />
            <RadioChoices
              name="raceEthnicity"
              legend="Race / ethnicity"
              choices={[[UNANSWERED, 'Not answered'], ...RACE_CHOICES]}
              defaultValue={saved().raceEthnicity ?? UNANSWERED}
            />
          </>
        )}
      </Show>
      <button type="submit" class="button button-secondary" disabled={form.busy()}>
        Save
      </button>
      <Show when={form.saved()}>
        <p class="notice" role="status">
          Saved. Thank you.
        </p>
      </Show>
    </form>
  );
}
