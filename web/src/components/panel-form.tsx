import { Show, type JSX } from 'solid-js';
import type { useFormAction } from '../lib/form.ts';
import { FormError } from './field.tsx';

/**
 * One of the account page's forms, each in its own panel: a heading, the server's problem, the
 * fields, one button, and what is said once it is saved.
 */
export function PanelForm(props: {
  title: string;
  form: ReturnType<typeof useFormAction>;
  submitLabel: string;
  savedText: string;
  secondary?: boolean;
  /** Said under the heading, before any problem. */
  intro?: JSX.Element;
  children: JSX.Element;
}) {
  return (
    <form onSubmit={props.form.submit} novalidate class="panel">
      <h2>{props.title}</h2>
      {props.intro}
      <FormError message={props.form.problem()?.message ?? null} />
      {props.children}
      <button type="submit" class={props.secondary ? 'button button-secondary' : 'button'} disabled={props.form.busy()}>
        {props.submitLabel}
      </button>
      <Show when={props.form.saved()}>
        <p class="notice" role="status">
          {props.savedText}
        </p>
      </Show>
    </form>
  );
}
