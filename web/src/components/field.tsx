import { For, Show, type JSX } from 'solid-js';

interface FieldProps {
  id: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
  children: JSX.Element;
}

/** A labelled input with its errors announced and tied to it (aria-describedby in the child). */
export function Field(props: FieldProps) {
  return (
    <div class="field" classList={{ invalid: !!props.errors?.length }}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.errors?.length}>
        {/* The alert wraps the list: role="alert" on the <ul> itself would unmake it a list. */}
        <div id={`${props.id}-error`} role="alert">
          <ul class="field-errors">
            <For each={props.errors}>{(message) => <li>{message}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

export function FormError(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="form-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}

/** A text input in its Field, named after its id and described by its hint and errors. */
export function TextField(props: {
  id: string;
  label: string;
  errors: string[] | undefined;
  hint?: string;
  type?: 'text' | 'tel' | 'url' | 'email' | 'password' | 'number';
  value?: string | number | null;
  autocomplete?: string;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
  /** For type "number". */
  min?: number;
  max?: number;
  step?: 'any';
}) {
  const describedBy = () => (props.hint ? `${props.id}-hint ${props.id}-error` : `${props.id}-error`);
  return (
    <Field id={props.id} label={props.label} errors={props.errors} {...(props.hint ? { hint: props.hint } : {})}>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        required={props.required}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        step={props.step}
        aria-describedby={describedBy()}
      />
    </Field>
  );
}

/** A password input in its Field: the account's password-confirmed forms ask with it. */
export function PasswordField(props: {
  id: string;
  label: string;
  errors: string[] | undefined;
  hint?: string;
  autocomplete: 'current-password' | 'new-password';
}) {
  return <TextField {...props} type="password" />;
}

/** A short error beside a small control (a button, a one-line form), announced when it shows. */
export function InlineError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <span class="alert-error" role="alert">
          {message()}
        </span>
      )}
    </Show>
  );
}
