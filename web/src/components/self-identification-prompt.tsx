import { useQueryClient } from '@tanstack/solid-query';
import { createSignal, Show } from 'solid-js';
import { SELF_IDENTIFICATION_KEY, useSelfIdentification } from '../lib/self-identification.ts';
import { trpc } from '../lib/trpc.ts';
import { SelfIdentification } from './self-identification.tsx';

/** Asks once, on the match feed, until the seeker answers or says no thanks (then only the account page has it). */
export function SelfIdentificationPrompt() {
  const client = useQueryClient();
  const current = useSelfIdentification();
  const [open, setOpen] = createSignal(false);
  const decline = async () => {
    await trpc.seekers.selfIdentify.mutate({ sex: null, raceEthnicity: null });
    await client.invalidateQueries({ queryKey: SELF_IDENTIFICATION_KEY });
  };
  return (
    <Show when={current.data && (!current.data.asked || open())}>
      <Show
        when={open()}
        fallback={
          <section class="panel" aria-label="Voluntary self-identification">
            <p>
              Help us check that matching treats everyone fairly: you may tell us your sex and race/ethnicity. It is
              optional, never shown to employers and never used to score you.
            </p>
            <div class="actions">
              <button type="button" class="button button-small" onClick={() => setOpen(true)}>
                Answer
              </button>
              <button type="button" class="button button-small button-secondary" onClick={decline}>
                No thanks
              </button>
            </div>
          </section>
        }
      >
        <SelfIdentification />
      </Show>
    </Show>
  );
}
