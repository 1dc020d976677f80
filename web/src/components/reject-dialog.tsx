import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import { REJECTION_REASON_LABEL } from './pipeline-labels.ts';

export interface RejectionInput {
  reason:
    | 'skills_mismatch'
    | 'experience_level'
    | 'location'
    | 'position_filled'
    | 'other_candidate'
    | 'withdrawn_position'
    | 'other';
  detail: string | null;
  message: string | null;
}

/** Asks why (a fixed list), the employer's own words (private) and an optional message to the candidate. */
export function RejectDialog(props: { count: number; onConfirm(input: RejectionInput): void; onCancel(): void }) {
  const [reason, setReason] = createSignal<RejectionInput['reason'] | ''>('');
  const [detail, setDetail] = createSignal('');
  const [message, setMessage] = createSignal('');
  return (
    // Kobalte's modal dialog (decision 0015): focus stays inside, Escape cancels, focus returns to
    // the button that opened it. Not portalled: it belongs to the board it acts on.
    <Dialog open modal onOpenChange={(open) => open || props.onCancel()}>
      <Dialog.Overlay class="dialog-overlay" />
      <div class="dialog-positioner">
        <Dialog.Content class="dialog pipeline-dialog">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const chosen = reason();
              if (!chosen) return;
              props.onConfirm({ reason: chosen, detail: detail().trim() || null, message: message().trim() || null });
            }}
          >
            <Dialog.Title as="h2">
              {props.count === 1 ? 'Reject this application' : `Reject ${props.count} applications`}
            </Dialog.Title>
            <label>
              Reason
              <select
                required
                value={reason()}
                onChange={(e) => setReason(e.currentTarget.value as RejectionInput['reason'])}
              >
                <option value="">Choose a reason</option>
                <For each={Object.entries(REJECTION_REASON_LABEL)}>
                  {([value, label]) => <option value={value}>{label}</option>}
                </For>
              </select>
            </label>
            <label>
              Notes for your team (private)
              <textarea rows={2} maxLength={2000} value={detail()} onInput={(e) => setDetail(e.currentTarget.value)} />
            </label>
            <label>
              Message to the candidate (optional; shown to them in their tracker)
              <textarea
                rows={3}
                maxLength={2000}
                value={message()}
                onInput={(e) => setMessage(e.currentTarget.value)}
              />
            </label>
            <Show when={props.count > 1}>
              <p class="muted">The same reason and message go to each of them.</p>
            </Show>
            <div class="actions">
              <button type="submit" class="button button-small" disabled={!reason()}>
                Reject
              </button>
              <button type="button" class="button button-small button-secondary" onClick={() => props.onCancel()}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog.Content>
      </div>
    </Dialog>
  );
}
