import { createSignal } from 'solid-js';
import { problemOf, type FormProblem } from './trpc.ts';

/**
 * The one way to run a mutation from the web app: busy while it runs, the server's message and
 * per-field errors when it fails, a saved flag when it succeeds. `run` resolves to whether it
 * succeeded; `fail` shows a problem found before asking the server.
 */
export function useAction() {
  const [problem, setProblem] = createSignal<FormProblem | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const run = async (task: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      await task();
      setSaved(true);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fail = (message: string) => {
    setSaved(false);
    setProblem({ kind: 'invalid', message, fieldErrors: {} });
  };
  return {
    problem,
    busy,
    saved,
    run,
    fail,
    clear: () => {
      setProblem(null);
      setSaved(false);
    },
    errors: (field: string) => problem()?.fieldErrors[field],
  };
}

/** `useAction` for a form: `submit` is its onSubmit, and `action` gets the form's data (and the form, to reset it). */
export function useFormAction(action: (form: FormData, element: HTMLFormElement) => Promise<unknown>) {
  const state = useAction();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    await state.run(() => action(new FormData(formElement), formElement));
  };
  return { ...state, submit };
}
