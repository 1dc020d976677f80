import { For, type JSX, Show } from 'solid-js';
import { employmentLabel } from '../lib/format.ts';
import type { RouterOutputs } from '../lib/trpc.ts';

type Facets = RouterOutputs['jobs']['search']['facets'];
export type FacetParams = {
  location?: string;
  remote?: string;
  type?: string;
  salary?: string;
  company?: string;
};

const money = (amount: number) => `$${Math.round(amount / 1000)}k`;

/** One facet value: a toggle that narrows the search to it, with how many results have it. */
function FacetOption(props: { label: string; count: number; active: boolean; onToggle: () => void }) {
  return (
    <li>
      <button
        type="button"
        class="facet-option"
        aria-pressed={props.active}
        disabled={!props.active && props.count === 0}
        onClick={() => props.onToggle()}
      >
        <span>{props.label}</span> <span class="muted">{props.count}</span>
      </button>
    </li>
  );
}

function FacetGroup(props: { title: string; children: JSX.Element }) {
  return (
    <fieldset class="facet-group">
      <legend>{props.title}</legend>
      <ul class="facet-list">{props.children}</ul>
    </fieldset>
  );
}

/** Counts of the current results by remote, type, location, company and pay; each one a filter. */
export function SearchFacets(props: {
  facets: Facets;
  params: FacetParams;
  onChange: (change: Partial<FacetParams>) => void;
}) {
  const toggle = (key: keyof FacetParams, value: string) =>
    props.onChange({ [key]: props.params[key] === value ? undefined : value });
  return (
    <div class="facets">
      <h2 class="visually-hidden">Narrow the results</h2>
      <FacetGroup title="Where">
        <FacetOption
          label="Remote possible"
          count={props.facets.remote.remote}
          active={props.params.remote === '1'}
          onToggle={() => toggle('remote', '1')}
        />
      </FacetGroup>
      <Show when={props.facets.employmentType.length}>
        <FacetGroup title="Type">
          <For each={props.facets.employmentType}>
            {(f) => (
              <FacetOption
                label={employmentLabel(f.value)}
                count={f.count}
                active={props.params.type === f.value}
                onToggle={() => toggle('type', f.value)}
              />
            )}
          </For>
        </FacetGroup>
      </Show>
      <Show when={props.facets.location.length}>
        <FacetGroup title="Location">
          <For each={props.facets.location}>
            {(f) => (
              <FacetOption
                label={f.value}
                count={f.count}
                active={props.params.location === f.value}
                onToggle={() => toggle('location', f.value)}
              />
            )}
          </For>
        </FacetGroup>
      </Show>
      <Show when={props.facets.company.length}>
        <FacetGroup title="Company">
          <For each={props.facets.company}>
            {(f) => (
              <FacetOption
                label={f.name}
                count={f.count}
                active={props.params.company === String(f.id)}
                onToggle={() => toggle('company', String(f.id))}
              />
            )}
          </For>
        </FacetGroup>
      </Show>
      <FacetGroup title="Pay (USD a year)">
        <For each={props.facets.salary}>
          {(f) => (
            <FacetOption
              label={`${money(f.atLeast)} or more`}
              count={f.count}
              active={props.params.salary === String(f.atLeast)}
              onToggle={() => toggle('salary', String(f.atLeast))}
            />
          )}
        </For>
      </FacetGroup>
    </div>
  );
}

export const SORTS = [
  ['relevance', 'Best match'],
  ['newest', 'Newest'],
  ['salary', 'Highest pay'],
] as const;

export function SortChoice(props: { value: string; onChange: (sort: string) => void }) {
  return (
    <label class="sort-choice">
      Sort by{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={SORTS}>{([value, label]) => <option value={value}>{label}</option>}</For>
      </select>
    </label>
  );
}

/** "Showing results for python" when a misspelled word was searched as the word it is near. */
export function CorrectedQuery(props: { corrected: string | null | undefined }) {
  return (
    <Show when={props.corrected}>
      {(corrected) => (
        <p class="corrected-query">
          Showing results for <strong>{corrected()}</strong>
        </p>
      )}
    </Show>
  );
}
