import { For, Show } from 'solid-js';
import { downloadFile } from '../lib/download.ts';
import { rateLabel } from '../lib/format.ts';
import { categoryLabel } from '../lib/self-identification.ts';
import type { RouterOutputs } from '../lib/trpc.ts';

type Audit = RouterOutputs['audit']['platform'];
type Table = Audit['selection']['sex'];

/** The server's MIN_CELL_SIZE (server/audit/service.ts): smaller categories come suppressed. */
const MIN_CELL_SIZE = 5;

/** Impact ratios as horizontal bars, with the 0.8 line the four-fifths rule draws. */
function ImpactChart(props: { table: Table; title: string }) {
  const rows = () => props.table.rows.filter((r) => !r.suppressed && r.impactRatio !== null);
  const barHeight = 22;
  const labelWidth = 260;
  const chartWidth = 300;
  return (
    <Show when={rows().length > 0}>
      <figure class="chart">
        <svg
          role="img"
          aria-label={`${props.title}: impact ratio per category`}
          viewBox={`0 0 ${labelWidth + chartWidth + 60} ${rows().length * barHeight + 24}`}
          width="100%"
        >
          <For each={rows()}>
            {(row, i) => (
              <g transform={`translate(0, ${i() * barHeight})`}>
                <text x={labelWidth - 8} y={barHeight * 0.7} text-anchor="end" font-size="12">
                  {categoryLabel(row.category)}
                </text>
                <rect
                  x={labelWidth}
                  y={4}
                  height={barHeight - 8}
                  width={Math.max(1, (row.impactRatio ?? 0) * chartWidth)}
                  class={row.flagged ? 'bar bar-flagged' : 'bar'}
                />
                <text x={labelWidth + (row.impactRatio ?? 0) * chartWidth + 6} y={barHeight * 0.7} font-size="12">
                  {(row.impactRatio ?? 0).toFixed(2)}
                </text>
              </g>
            )}
          </For>
          <line
            x1={labelWidth + 0.8 * chartWidth}
            x2={labelWidth + 0.8 * chartWidth}
            y1={0}
            y2={rows().length * barHeight}
            class="threshold"
          />
          <text
            x={labelWidth + 0.8 * chartWidth}
            y={rows().length * barHeight + 16}
            text-anchor="middle"
            font-size="11"
          >
            0.8
          </text>
        </svg>
        <figcaption class="muted">
          Impact ratio: each category's rate divided by the highest rate. Under 0.8 is flagged.
        </figcaption>
      </figure>
    </Show>
  );
}

function ImpactTable(props: { table: Table; title: string }) {
  return (
    <section class="audit-table">
      <h3>{props.title}</h3>
      <Show
        when={props.table.rows.length > 0}
        fallback={<p class="muted">No one in this group has self-identified yet.</p>}
      >
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">People</th>
              <th scope="col">Positive</th>
              <th scope="col">Rate</th>
              <th scope="col">Impact ratio</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.table.rows}>
              {(row) => (
                <tr classList={{ flagged: row.flagged }}>
                  <th scope="row">
                    {categoryLabel(row.category)}
                    <Show when={row.under2Percent}>
                      <span class="chip-note"> · under 2%</span>
                    </Show>
                  </th>
                  <Show
                    when={!row.suppressed}
                    fallback={
                      <td colSpan={4} class="muted">
                        fewer than {MIN_CELL_SIZE} (not shown, not in the ratios)
                      </td>
                    }
                  >
                    <td>{row.total}</td>
                    <td>{row.positive}</td>
                    <td>{row.rate === null ? '—' : rateLabel(row.rate)}</td>
                    <td>
                      {row.impactRatio === null ? '—' : row.impactRatio.toFixed(2)}
                      {row.flagged ? ' ⚠ under 0.8' : ''}
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <p class="muted">Unknown (did not self-identify): {props.table.unknown}</p>
      <ImpactChart table={props.table} title={props.title} />
    </section>
  );
}

/** Six empty tables would say the same thing six times: one sentence says it once. */
function nobodyIdentified(audit: Audit): boolean {
  return [audit.selection, audit.scoring].every((group) =>
    [group.sex, group.raceEthnicity, group.intersection].every((table) => table.rows.length === 0),
  );
}

function NobodyIdentified() {
  return (
    <p class="notice-quiet">
      No one has self-identified yet, so there is nothing to compare. The tables appear once people answer the optional
      question.
    </p>
  );
}

export function AuditView(props: { audit: Audit; fileName: string }) {
  const download = () => downloadFile(props.fileName, 'text/csv', props.audit.csv);
  return (
    <div class="stack">
      <button type="button" class="button button-secondary" onClick={download}>
        Download CSV
      </button>
      <p class="muted">
        Categories of fewer than {MIN_CELL_SIZE} people are shown as "fewer than {MIN_CELL_SIZE}" and left out of the
        ratios, so no one can be recognized.
      </p>
      <Show when={nobodyIdentified(props.audit)}>
        <NobodyIdentified />
      </Show>
      <h2>Selection rate</h2>
      <p class="muted">
        Applications that reached interview or were accepted, of {props.audit.selection.total} applications.
      </p>
      <Show when={!nobodyIdentified(props.audit)}>
        <ImpactTable table={props.audit.selection.sex} title="Selection by sex" />
        <ImpactTable table={props.audit.selection.raceEthnicity} title="Selection by race/ethnicity" />
        <ImpactTable table={props.audit.selection.intersection} title="Selection by sex × race/ethnicity" />
      </Show>
      <h2>Scoring rate</h2>
      <p class="muted">Matches scoring above the median overall score, of {props.audit.scoring.total} matches.</p>
      <Show when={!nobodyIdentified(props.audit)}>
        <ImpactTable table={props.audit.scoring.sex} title="Scoring by sex" />
        <ImpactTable table={props.audit.scoring.raceEthnicity} title="Scoring by race/ethnicity" />
        <ImpactTable table={props.audit.scoring.intersection} title="Scoring by sex × race/ethnicity" />
      </Show>
    </div>
  );
}
