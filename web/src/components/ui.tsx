import { A } from '@solidjs/router';
import { createMemo, For, Show, type Accessor, type JSX } from 'solid-js';
import { percent } from '../lib/format.ts';
import { statusClass } from '../lib/status.ts';
import { problemOf } from '../lib/trpc.ts';

/**
 * A wide table's box: on a phone the table scrolls inside it, so the box is named and takes
 * keyboard focus (a scrolling region must be reachable by keyboard: WCAG 2.1.1, axe
 * scrollable-region-focusable).
 */
export function ScrollRegion(props: { label: string; children: JSX.Element }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls, so it must take focus (above)
    <section class="table-scroll" tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

export function Skeleton(props: { lines?: number; label?: string }) {
  return (
    <div class="skeleton-block" role="status" aria-busy="true" aria-label={props.label ?? 'Loading'}>
      <For each={Array.from({ length: props.lines ?? 3 })}>{() => <div class="skeleton-line" />}</For>
    </div>
  );
}

export function Empty(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="empty">
      <h2>{props.title}</h2>
      {props.children}
    </div>
  );
}

/**
 * A failed load said for people: a missing row as a not-found state with a way on, anything
 * else as the reason with a retry (offline included: the retry works once the network is back).
 */
export function ErrorBox(props: { error: unknown; retry?: () => void }) {
  const problem = () => problemOf(props.error);
  return (
    <Show when={problem().kind !== 'not-found'} fallback={<NotFoundState message={problem().message} />}>
      <div class="form-error" role="alert">
        {problem().message}
        <Show when={props.retry}>
          {' '}
          <button type="button" class="link-button" onClick={() => props.retry?.()}>
            Try again
          </button>
        </Show>
      </div>
    </Show>
  );
}

/** The page for a link that leads nowhere: a heading, why, and where to go instead. */
export function NotFoundState(props: { message?: string }) {
  return (
    <section class="panel narrow not-found">
      <h1>Not found</h1>
      <p>{props.message ?? 'This page does not exist.'} It may have been closed, removed or mistyped.</p>
      <p>
        <A href="/jobs">Browse all jobs</A> or <A href="/">go to the start page</A>.
      </p>
    </section>
  );
}

/** A score as a labelled bar: the number is in the text, the bar only shows it. */
export function ScoreBar(props: { label: string; score: number | null | undefined }) {
  const width = () => `${Math.round((props.score ?? 0) * 100)}%`;
  return (
    <div class="score">
      <span class="score-label">{props.label}</span>
      <span class="score-track" aria-hidden="true">
        <span class="score-fill" style={{ width: width() }} />
      </span>
      <span class="score-value">{percent(props.score)}</span>
    </div>
  );
}

export function SkillChips(props: {
  skills: { name: string; required?: boolean }[];
  kind: 'matched' | 'missing' | 'neutral';
}) {
  return (
    <ul
      class="chips"
      aria-label={
        props.kind === 'matched' ? 'Skills you have' : props.kind === 'missing' ? 'Skills you are missing' : 'Skills'
      }
    >
      <For each={props.skills}>
        {(skill) => (
          <li class={`chip chip-${props.kind}`}>
            {props.kind === 'matched' ? '✓ ' : props.kind === 'missing' ? '✗ ' : ''}
            {skill.name}
            <Show when={skill.required}>
              <span class="chip-note"> · required</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function StatusBadge(props: { status: string; label: string }) {
  return <span class={statusClass(props.status)}>{props.label}</span>;
}

export function BackLink(props: { href: string; children: JSX.Element }) {
  return (
    <A href={props.href} class="back-link">
      ← {props.children}
    </A>
  );
}

/**
 * A list whose rows stay mounted while their key stays: a refetch updates a row in place, so a
 * form open in it keeps what is typed (<For> alone re-creates rows for new objects).
 */
export function KeyedFor<T>(props: {
  each: readonly T[];
  by: (item: T) => string | number;
  children: (item: Accessor<T>) => JSX.Element;
}) {
  const keys = createMemo(() => props.each.map(props.by));
  const byKey = createMemo(() => new Map(props.each.map((item) => [props.by(item), item])));
  return (
    <For each={keys()}>
      {(key) => <Show when={byKey().get(key)}>{(item) => props.children(item as Accessor<T>)}</Show>}
    </For>
  );
}
