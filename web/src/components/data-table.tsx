import { For, type JSX } from 'solid-js';

/**
 * A table of records, a heading per column and a row per record (its first cell a row heading,
 * given by `children`). On a phone it scrolls inside its box instead of widening the page.
 */
export function DataTable<T>(props: {
  columns: readonly string[];
  rows: readonly T[];
  class?: string;
  children: (row: T) => JSX.Element;
}) {
  return (
    <div class="table-scroll">
      <table class={props.class ? `table ${props.class}` : 'table'}>
        <thead>
          <tr>
            <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{(row) => props.children(row)}</For>
        </tbody>
      </table>
    </div>
  );
}
