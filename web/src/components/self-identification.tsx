import { For, Show } from 'solid-js';
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

/** Voluntary self-identification for the bias audit: optional, never shown to employers, never used to score. */
export function SelfIdentification() {
  const current = useSelfIdentification();
  const form = useFormAction(async (data) => {
    const sex = (data.get('sex') || null) as Sex | null;
    const raceEthnicity = (data.get('raceEthnicity') || null) as RaceEthnicity | null;
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
            <fieldset class="choices">
              <legend>Sex</legend>
              <label>
                <input type="radio" name="sex" value="" checked={saved().sex === null} /> Not answered
              </label>
              <For each={SEX_CHOICES}>
                {([value, text]) => (
                  <label>
                    <input type="radio" name="sex" value={value} checked={saved().sex === value} /> {text}
                  </label>
                )}
              </For>
            </fieldset>
            <fieldset class="choices">
              <legend>Race / ethnicity</legend>
              <label>
                <input type="radio" name="raceEthnicity" value="" checked={saved().raceEthnicity === null} /> Not
                answered
              </label>
              <For each={RACE_CHOICES}>
                {([value, text]) => (
                  <label>
                    <input type="radio" name="raceEthnicity" value={value} checked={saved().raceEthnicity === value} />{' '}
                    {text}
                  </label>
                )}
              </For>
            </fieldset>
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
