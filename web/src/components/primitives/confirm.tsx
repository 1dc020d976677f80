/**
 * A confirmation in the page instead of window.confirm (decision 0015): Kobalte's alert dialog
 * traps focus, closes on Escape, returns focus to the button that opened it and says which
 * action it confirms. `const confirm = useConfirm()`; `await confirm.ask({...})` resolves to the
 * answer; render `<confirm.Dialog />` once in the page.
 */
import { AlertDialog } from '@kobalte/core/alert-dialog';
import { createSignal, Show } from 'solid-js';

export interface ConfirmQuestion {
  title: string;
  body: string;
  confirmLabel: string;
  /** A destructive action gets the danger colour. */
  danger?: boolean;
}

export function useConfirm() {
  const [question, setQuestion] = createSignal<ConfirmQuestion | null>(null);
  let answer: ((yes: boolean) => void) | null = null;
  // Opened from code, not from a Kobalte trigger: focus goes back to what had it by hand.
  let opener: HTMLElement | null = null;
  const close = (yes: boolean) => {
    answer?.(yes);
    answer = null;
    setQuestion(null);
  };
  const ask = (q: ConfirmQuestion) =>
    new Promise<boolean>((resolve) => {
      answer?.(false);
      answer = resolve;
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setQuestion(q);
    });
  const Dialog = () => (
    <AlertDialog open={question() !== null} onOpenChange={(open) => open || close(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Show when={question()}>
            {(q) => (
              <AlertDialog.Content
                class="dialog"
                onCloseAutoFocus={(event) => {
                  event.preventDefault();
                  opener?.focus();
                }}
              >
                <AlertDialog.Title class="dialog-title">{q().title}</AlertDialog.Title>
                <AlertDialog.Description class="dialog-body">{q().body}</AlertDialog.Description>
                <div class="actions">
                  <button
                    type="button"
                    class="button button-small"
                    classList={{ 'button-danger': q().danger === true }}
                    onClick={() => close(true)}
                  >
                    {q().confirmLabel}
                  </button>
                  {/* A plain button: Kobalte's CloseButton is labelled "Dismiss", which is not what it says. */}
                  <button type="button" class="button button-small button-secondary" onClick={() => close(false)}>
                    Cancel
                  </button>
                </div>
              </AlertDialog.Content>
            )}
          </Show>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
  return { ask, Dialog };
}
