/**
 * A radio group from Kobalte (decision 0015): arrow keys move between choices, one tab stop, the
 * group named by its legend. Each choice keeps a native radio input, so FormData reads it as before.
 */
import { RadioGroup } from '@kobalte/core/radio-group';
import { For } from 'solid-js';

export type Choice = readonly [value: string, label: string];

export function RadioChoices(props: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  defaultValue: string;
  onChange?: (value: string) => void;
}) {
  return (
    <RadioGroup
      class="choices radio-group"
      name={props.name}
      defaultValue={props.defaultValue}
      {...(props.onChange ? { onChange: props.onChange } : {})}
    >
      <RadioGroup.Label class="choices-legend">{props.legend}</RadioGroup.Label>
      <div class="radio-items">
        <For each={props.choices}>
          {([value, label]) => (
            <RadioGroup.Item value={value} class="radio-item">
              <RadioGroup.ItemInput class="radio-input" />
              <RadioGroup.ItemControl class="radio-control">
                <RadioGroup.ItemIndicator class="radio-indicator" />
              </RadioGroup.ItemControl>
              <RadioGroup.ItemLabel class="radio-label">{label}</RadioGroup.ItemLabel>
            </RadioGroup.Item>
          )}
        </For>
      </div>
    </RadioGroup>
  );
}
