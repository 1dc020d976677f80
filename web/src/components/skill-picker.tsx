import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { trpc } from '../lib/trpc.ts';

let pickerCount = 0;

/** A text box with catalog suggestions (names and aliases), keyboard operable (a combobox). */
export function SkillPicker(props: { label: string; onPick: (name: string) => void; exclude?: string[] }) {
  const id = `skill-picker-${++pickerCount}`;
  const [text, setText] = createSignal('');
  const [debounced, setDebounced] = createSignal('');
  const [active, setActive] = createSignal(0);
  const [open, setOpen] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const suggestions = useQuery(() => ({
    queryKey: ['skills', 'search', debounced()],
    queryFn: () => trpc.skills.search.query({ q: debounced(), limit: 8 }),
    enabled: debounced().trim().length > 0,
    staleTime: 5 * 60_000,
  }));
  const options = () => (suggestions.data ?? []).filter((s) => !(props.exclude ?? []).includes(s.name));
  const pick = (name: string) => {
    props.onPick(name);
    setText('');
    setDebounced('');
    setOpen(false);
  };
  return (
    <div class="combobox">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open() && options().length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open() && options().length ? `${id}-option-${active()}` : undefined}
        autocomplete="off"
        value={text()}
        placeholder="Type a skill, e.g. Python or k8s"
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setOpen(true);
          setActive(0);
          clearTimeout(timer);
          timer = setTimeout(() => setDebounced(value), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, options().length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          else if (e.key === 'Enter') {
            e.preventDefault();
            const option = options()[active()];
            if (option) pick(option.name);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <Show when={open() && options().length > 0}>
        <ul id={`${id}-list`} role="listbox" class="combobox-list">
          <For each={options()}>
            {(option, index) => (
              <li
                id={`${id}-option-${index()}`}
                role="option"
                aria-selected={index() === active()}
                class="combobox-option"
                onMouseDown={(e) => { e.preventDefault(); pick(option.name); }}
              >
                {option.name}
                <Show when={option.matchedAlias}><span class="muted"> ({option.matchedAlias})</span></Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
