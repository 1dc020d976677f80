import { For, Show } from 'solid-js';
import { rateLabel } from '../lib/format.ts';
import type { RouterOutputs } from '../lib/trpc.ts';

type Rate = RouterOutputs['experiments']['quality'][number]['rates']['viewed'];
export type Metric = 'viewed' | 'applied' | 'interview' | 'notRelevant';

export const METRIC_LABEL: Record<Metric, string> = {
  viewed: 'Viewed',
  applied: 'Applied',
  interview: 'Interview',
  notRelevant: 'Not relevant',
};

/** A rate with its 95% interval, in words a reader can check. */
export function RateCell(props: { rate: Rate }) {
  return (
    <td>
      {rateLabel(props.rate.rate)}
      <Show when={props.rate.low !== null}>
        <span class="muted small">
          {' '}
          ({rateLabel(props.rate.low)}–{rateLabel(props.rate.high)})
        </span>
      </Show>
    </td>
  );
}

const COLORS = ['#0b5cad', '#d0722a', '#2e8b57', '#8a4fbf', '#b3261e'];

/** One line per series over the weeks, with each week's 95% interval as a band. */
export function RateChart(props: {
  title: string;
  weeks: string[];
  series: { name: string; points: { week: string; rate: Rate }[] }[];
}) {
  const width = 560;
  const height = 200;
  const left = 40;
  const x = (week: string) =>
    left +
    (props.weeks.length <= 1
      ? (width - left) / 2
      : (props.weeks.indexOf(week) / (props.weeks.length - 1)) * (width - left - 10));
  const max = () => Math.max(0.05, ...props.series.flatMap((s) => s.points.map((p) => p.rate.high ?? 0)));
  const y = (v: number) => height - 20 - (v / max()) * (height - 40);
  return (
    <figure class="chart">
      <svg role="img" aria-label={props.title} viewBox={`0 0 ${width} ${height}`} width="100%">
        <line x1={left} x2={width} y1={height - 20} y2={height - 20} class="axis" stroke="#999" />
        <text x={left - 4} y={y(max())} text-anchor="end" font-size="11">
          {rateLabel(max())}
        </text>
        <text x={left - 4} y={height - 20} text-anchor="end" font-size="11">
          0%
        </text>
        <For each={props.series}>
          {(series, i) => (
            <g>
              <For each={series.points}>
                {(p) => (
                  <Show when={p.rate.rate !== null}>
                    <line
                      x1={x(p.week)}
                      x2={x(p.week)}
                      y1={y(p.rate.low ?? 0)}
                      y2={y(p.rate.high ?? 0)}
                      stroke={COLORS[i() % COLORS.length]}
                      stroke-width="6"
                      opacity="0.25"
                    />
                    <circle cx={x(p.week)} cy={y(p.rate.rate ?? 0)} r="3.5" fill={COLORS[i() % COLORS.length]} />
                  </Show>
                )}
              </For>
              <polyline
                fill="none"
                stroke={COLORS[i() % COLORS.length]}
                stroke-width="2"
                points={series.points
                  .filter((p) => p.rate.rate !== null)
                  .map((p) => `${x(p.week)},${y(p.rate.rate!)}`)
                  .join(' ')}
              />
            </g>
          )}
        </For>
        <For each={props.weeks}>
          {(week) => (
            <text x={x(week)} y={height - 4} text-anchor="middle" font-size="10">
              {week.slice(5)}
            </text>
          )}
        </For>
      </svg>
      <figcaption class="muted">
        {props.title}.{' '}
        <For each={props.series}>
          {(s, i) => (
            <span>
              <span aria-hidden="true" style={{ color: COLORS[i() % COLORS.length] }}>
                ■
              </span>{' '}
              {s.name}{' '}
            </span>
          )}
        </For>{' '}
        Bands: 95% intervals.
      </figcaption>
    </figure>
  );
}
