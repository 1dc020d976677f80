import { createSignal } from 'solid-js';
import { problemOf, type FormProblem } from './trpc.ts';

/**
 * A form's submit: busy while it runs, the server's message and per-field errors when it fails,
 * a saved flag when it succeeds. `action` gets the form's data.
 */
export function useFormAction(action: (form: FormData) => Promise<unknown>) {
  const [problem, setProblem] = createSignal<FormProblem | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      await action(new FormData(formElement));
      setSaved(true);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, saved, submit, errors: (field: string) => problem()?.fieldErrors[field] };
}
