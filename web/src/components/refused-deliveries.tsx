import { For, Show } from 'solid-js';
import type { RouterOutputs } from '../lib/trpc.ts';
import { dateTimeLabel } from '../lib/format.ts';

type Refusal = RouterOutputs['sources']['list'][number]['refusals'][number];

/** Each reason with what the employer can do about it. */
const REASONS: Record<Refusal['reason'], string> = {
  bad_signature: 'bad signature — check that the board signs with the current secret',
  stale_timestamp: 'timestamp more than 5 minutes off — check the board’s clock',
  missing_headers: 'no Standard Webhooks headers — the board must sign its deliveries',
  malformed_body: 'body is not JSON',
  invalid_payload: 'not a job posting in this board’s format — check the format chosen',
  unknown_board: 'unknown board',
};

const deliveries = (n: number) => `${n} ${n === 1 ? 'delivery' : 'deliveries'}`;

/** "12 deliveries refused in the last 7 days", reason by reason; nothing when none were. */
export function RefusedDeliveries(props: { refusals: Refusal[] }) {
  const total = () => props.refusals.reduce((sum, r) => sum + r.count, 0);
  return (
    <Show when={total() > 0}>
      <div class="callout callout-warning" role="note">
        <p>
          <strong>{deliveries(total())} refused in the last 7 days</strong>
        </p>
        <ul>
          <For each={props.refusals}>
            {(r) => (
              <li>
                {deliveries(r.count)}: {REASONS[r.reason]} (last {dateTimeLabel(r.lastSeenAt)})
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
