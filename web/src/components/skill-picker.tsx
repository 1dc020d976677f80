import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { trpc } from '../lib/trpc.ts';

let pickerCount = 0;

/**
 * A text box with catalog suggestions (names and aliases), keyboard operable (a combobox). With
 * `allowCustom`, a name the catalog lacks can be added as the owner's own skill (the last option;
 * the admins review it before anyone else can pick it).
 */
export function SkillPicker(props: {
  label: string;
  onPick: (name: string, custom: boolean) => void;
  exclude?: string[];
  allowCustom?: boolean;
}) {
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
  const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  const catalogOptions = () => (suggestions.data ?? []).filter((s) => !(props.exclude ?? []).includes(s.name));
  /** The typed name as an option of its own, unless it names a suggestion or a skill already listed. */
  const customName = () => {
    const typed = text().trim().replace(/\s+/g, ' ');
    if (!props.allowCustom || !/[\p{L}\p{N}]/u.test(typed) || suggestions.isFetching || debounced() !== text())
      return null;
    const taken = [
      ...(suggestions.data ?? []).flatMap((s) => [s.name, s.matchedAlias ?? '']),
      ...(props.exclude ?? []),
    ].some((n) => fold(n) === fold(typed));
    return taken ? null : typed;
  };
  const options = () => [
    ...catalogOptions().map((s) => ({ name: s.name, matchedAlias: s.matchedAlias, custom: false })),
    ...(customName() ? [{ name: customName()!, matchedAlias: null, custom: true }] : []),
  ];
  const pick = (name: string, custom = false) => {
    props.onPick(name, custom);
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
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, options().length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const option = options()[active()];
            if (option) pick(option.name, option.custom);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <Show when={open() && options().length > 0}>
        {/* The WAI-ARIA combobox pattern: focus stays in the input (aria-activedescendant), so the options are not focusable themselves. */}
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox of the combobox pattern */}
        <ul id={`${id}-list`} role="listbox" class="combobox-list">
          <For each={options()}>
            {(option, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive: the input keeps focus and points here with aria-activedescendant
              <li
                id={`${id}-option-${index()}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox pattern
                role="option"
                aria-selected={index() === active()}
                class="combobox-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(option.name, option.custom);
                }}
              >
                <Show
                  when={option.custom}
                  fallback={
                    <>
                      {option.name}
                      <Show when={option.matchedAlias}>
                        <span class="muted"> ({option.matchedAlias})</span>
                      </Show>
                    </>
                  }
                >
                  Add “{option.name}” as your own skill <span class="muted">(not in our list yet: sent to review)</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
