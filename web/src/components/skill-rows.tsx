import { For, Show, type JSX, type Setter } from 'solid-js';
import { SkillPicker } from './skill-picker.tsx';

/**
 * The skills a form edits before it saves them, a row each: the skill's name (and what the form
 * says of it), the form's own cells, a Remove button; below, the picker that adds one.
 */
export function SkillRows<Row extends { name: string }>(props: {
  class: string;
  /** The headings of the form's own cells, between Skill and Remove. */
  columns: readonly string[];
  rows: Row[];
  setRows: Setter<Row[]>;
  /** Which row a picked name becomes (`custom`: a name the catalog lacks). */
  newRow: (name: string, custom: boolean) => Row;
  name: (row: Row, change: (patch: Partial<Row>) => void) => JSX.Element;
  cells: (row: Row, change: (patch: Partial<Row>) => void) => JSX.Element;
  rowClass?: (row: Row) => Record<string, boolean>;
  /** On a phone a wide table scrolls inside its box instead of widening the page. */
  scroll?: boolean;
}) {
  const change = (index: number, patch: Partial<Row>) =>
    props.setRows((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => props.setRows((rows) => rows.filter((_, i) => i !== index));
  const table = (
    <table class={props.class}>
      <thead>
        <tr>
          <th scope="col">Skill</th>
          <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
          <th scope="col">
            <span class="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row, index) => (
            <tr classList={props.rowClass?.(row) ?? {}}>
              <th scope="row">{props.name(row, (patch) => change(index(), patch))}</th>
              {props.cells(row, (patch) => change(index(), patch))}
              <td>
                <button
                  type="button"
                  class="link-button"
                  aria-label={`Remove ${row.name}`}
                  onClick={() => remove(index())}
                >
                  Remove
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
  return (
    <>
      <Show when={props.scroll} fallback={table}>
        <div class="table-scroll">{table}</div>
      </Show>
      <SkillPicker
        label="Add a skill"
        allowCustom
        exclude={props.rows.map((row) => row.name)}
        onPick={(name, custom) => props.setRows((rows) => [...rows, props.newRow(name, custom)])}
      />
    </>
  );
}
