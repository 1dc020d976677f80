/**
 * /dev/ui, in development only (routes.tsx mounts it when import.meta.env.DEV; production builds
 * leave it out, and the server never renders it): the design system of decision 0005 on one
 * page, its tokens and every component, to look at and to change in one place.
 */
import { createSignal, For } from 'solid-js';
import { CompanyMark } from '../components/company-mark.tsx';
import { Field, FormError, InlineError } from '../components/field.tsx';
import { LogoMark } from '../components/logo.tsx';
import { useConfirm } from '../components/primitives/confirm.tsx';
import { RadioChoices } from '../components/primitives/radio-choices.tsx';
import { RefusedDeliveries } from '../components/refused-deliveries.tsx';
import { Empty, ScoreBar, SkillChips, Skeleton, StatusBadge } from '../components/ui.tsx';
import { dateLabel, dateTimeLabel, STATUS_LABEL } from '../lib/format.ts';
import { STATUS_TONE } from '../lib/status.ts';

const COLOURS = [
  '--ink',
  '--ink-muted',
  '--paper',
  '--surface',
  '--line',
  '--brand',
  '--brand-dark',
  '--danger',
  '--ok',
];
const SPACES = ['--space-1', '--space-2', '--space-3', '--space-4', '--space-5', '--space-6', '--space-7'];
const TEXTS = ['--text-xs', '--text-sm', '--text-md', '--text-lg', '--text-xl', '--text-2xl', '--text-3xl'];
const COMPANIES = ['Northwind Health', 'BrightPath Learning', 'Ledgerline', 'Harbor Logistics', 'Copperleaf Design'];
const SAMPLE_DATE = '2026-11-30T15:05:00.000Z';

function Section(props: { title: string; children: unknown }) {
  return (
    <section class="panel stack dev-ui-section">
      <h2>{props.title}</h2>
      {props.children as never}
    </section>
  );
}

export default function DevUi() {
  const confirm = useConfirm();
  const [answer, setAnswer] = createSignal('');
  return (
    <div class="stack wide dev-ui">
      <h1>Design system</h1>
      <p class="muted">Decision 0005 and 0015: tokens in web/src/styles.css, components in web/src/components.</p>
      <Section title="Brand">
        <p class="company-line">
          <LogoMark size={48} /> <strong>Fitwork</strong> — the mark is also the favicon (web/public/favicon.svg).
        </p>
        <ul class="plain-list dev-ui-list">
          <For each={COMPANIES}>
            {(name) => (
              <li class="company-line">
                <CompanyMark name={name} /> {name}
              </li>
            )}
          </For>
        </ul>
      </Section>
      <Section title="Colours">
        <ul class="dev-ui-swatches">
          <For each={COLOURS}>
            {(token) => (
              <li>
                <span class={`dev-ui-swatch dev-ui-swatch${token}`} /> <code>{token}</code>
              </li>
            )}
          </For>
        </ul>
      </Section>
      <Section title="Spacing and type">
        <For each={SPACES}>
          {(token) => (
            <p class="company-line">
              <span class={`dev-ui-space dev-ui-space${token}`} /> <code>{token}</code>
            </p>
          )}
        </For>
        <For each={TEXTS}>{(token) => <p class={`dev-ui-text${token}`}>{token}: Jobs that fit you</p>}</For>
      </Section>
      <Section title="Status colours (one map: web/src/lib/status.ts)">
        <p class="actions">
          <For each={Object.keys(STATUS_TONE)}>
            {(status) => <StatusBadge status={status} label={STATUS_LABEL[status] ?? status} />}
          </For>
        </p>
      </Section>
      <Section title="Dates (one format: dateLabel, dateTimeLabel)">
        <p>
          {dateLabel(SAMPLE_DATE)} · {dateTimeLabel(SAMPLE_DATE)}
        </p>
      </Section>
      <Section title="Buttons and links">
        <p class="actions">
          <button type="button" class="button">
            Primary
          </button>
          <button type="button" class="button button-secondary">
            Secondary
          </button>
          <button type="button" class="button button-small">
            Small
          </button>
          <button type="button" class="button button-small button-danger">
            Danger
          </button>
          <button type="button" class="link-button">
            Link button
          </button>
          <a href="/jobs">Browse every job</a>
        </p>
      </Section>
      <Section title="Forms">
        <FormError message="Three fields need a look before this can be saved." />
        <Field id="dev-ui-title" label="Job title" errors={['Give the job a title.']}>
          <input id="dev-ui-title" aria-describedby="dev-ui-title-error" />
        </Field>
        <RadioChoices
          name="dev-ui-choice"
          legend="A radio group (Kobalte)"
          choices={[
            ['one', 'The first choice'],
            ['two', 'The second choice'],
          ]}
          defaultValue="one"
        />
        <InlineError message="An error beside a small control." />
      </Section>
      <Section title="Dialogs (Kobalte)">
        <p class="actions">
          <button
            type="button"
            class="button button-secondary"
            onClick={async () =>
              setAnswer(
                (await confirm.ask({
                  title: 'Close “Registered Nurse”?',
                  body: 'It leaves the search and takes no more applications.',
                  confirmLabel: 'Close the job',
                }))
                  ? 'Confirmed.'
                  : 'Cancelled.',
              )
            }
          >
            Ask for a confirmation
          </button>
          <span role="status">{answer()}</span>
        </p>
        <confirm.Dialog />
      </Section>
      <Section title="Scores, chips, callouts">
        <div class="scores">
          <ScoreBar label="Skills" score={0.82} />
          <ScoreBar label="Experience" score={0.55} />
        </div>
        <SkillChips
          kind="matched"
          skills={[
            { name: 'Patient Care', required: true },
            { name: 'BLS', required: false },
          ]}
        />
        <SkillChips kind="missing" skills={[{ name: 'Telemetry', required: true }]} />
        <RefusedDeliveries
          refusals={[
            { reason: 'bad_signature', count: 12, lastSeenAt: SAMPLE_DATE },
            { reason: 'stale_timestamp', count: 2, lastSeenAt: SAMPLE_DATE },
          ]}
        />
      </Section>
      <Section title="States">
        <Skeleton lines={2} />
        <Empty title="No jobs yet">
          <p>Post your first job and we will rank the candidates who fit it.</p>
        </Empty>
      </Section>
    </div>
  );
}
