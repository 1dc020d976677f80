import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { DataTable } from '../components/data-table.tsx';
import { RequireRole } from '../components/guard.tsx';
import { ErrorBox, Skeleton } from '../components/ui.tsx';
import { useAction } from '../lib/form.ts';
import { trpc } from '../lib/trpc.ts';

const CATEGORIES = ['technical', 'soft', 'language', 'domain'] as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

/**
 * Names seekers and employers use that the catalog lacks. Approve adds one to the catalog (or as
 * an alias of a skill) and turns every such row into it; reject leaves it its owners' own.
 */
function ReviewQueue(props: { act: Act; skillNamed: (name: string) => { id: number; name: string } | undefined }) {
  const pending = useQuery(() => ({ queryKey: ['skills', 'pending'], queryFn: () => trpc.skills.pending.query() }));
  return (
    <section class="panel">
      <h2>Waiting for review</h2>
      <Switch>
        <Match when={pending.isPending}>
          <Skeleton lines={3} />
        </Match>
        <Match when={pending.isError}>
          <ErrorBox error={pending.error} />
        </Match>
        <Match when={pending.data?.length === 0}>
          <p class="muted">No skill names wait for review.</p>
        </Match>
        <Match when={pending.data}>
          <DataTable columns={['Name', 'Used by', 'Decision']} rows={pending.data ?? []} class="review-queue">
            {(item) => (
              <tr>
                <th scope="row">{item.name}</th>
                <td>
                  {plural(item.seekers, 'seeker')}, {plural(item.jobs, 'job')}
                </td>
                <td>
                  <form
                    class="row review-decision"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const form = new FormData(e.currentTarget);
                      const aliasOf = String(form.get('aliasOf') ?? '').trim();
                      const category = String(form.get('category') ?? '') as (typeof CATEGORIES)[number] | '';
                      if (aliasOf) {
                        const target = props.skillNamed(aliasOf);
                        if (!target)
                          return void props.act(
                            () => Promise.reject(new Error(`${aliasOf} is not in the catalog.`)),
                            '',
                          );
                        return void props.act(
                          () => trpc.skills.approve.mutate({ name: item.name, aliasOf: target.id }),
                          `“${item.name}” now names ${target.name}.`,
                        );
                      }
                      void props.act(
                        () => trpc.skills.approve.mutate({ name: item.name, category: category || null }),
                        `${item.name} is in the catalog.`,
                      );
                    }}
                  >
                    <select name="category" aria-label={`Category of ${item.name}`}>
                      <option value="">uncategorized</option>
                      <For each={CATEGORIES}>{(c) => <option value={c}>{c}</option>}</For>
                    </select>
                    <input
                      name="aliasOf"
                      list="skill-names"
                      placeholder="or alias of…"
                      aria-label={`Approve ${item.name} as an alias of`}
                    />
                    <button class="button button-small" type="submit">
                      Approve
                    </button>
                    <button
                      class="button button-small button-secondary"
                      type="button"
                      onClick={() =>
                        void props.act(
                          () => trpc.skills.reject.mutate({ name: item.name }),
                          `“${item.name}” stays its owners’ own.`,
                        )
                      }
                    >
                      Reject
                    </button>
                  </form>
                </td>
              </tr>
            )}
          </DataTable>
        </Match>
      </Switch>
    </section>
  );
}

export default function AdminSkills() {
  const client = useQueryClient();
  const catalog = useQuery(() => ({ queryKey: ['skills', 'list'], queryFn: () => trpc.skills.list.query() }));
  const [filter, setFilter] = createSignal('');
  const action = useAction();
  const [doneText, setDoneText] = createSignal('');
  const shown = createMemo(() => {
    const f = filter().trim().toLowerCase();
    return (catalog.data ?? [])
      .filter((s) => !f || s.name.toLowerCase().includes(f) || s.aliases.some((a) => a.toLowerCase().includes(f)))
      .slice(0, 100);
  });
  const act = async (work: () => Promise<unknown>, done: string) => {
    setDoneText(done);
    if (await action.run(work)) await client.invalidateQueries({ queryKey: ['skills'] });
  };
  const byName = (name: string) => catalog.data?.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  return (
    <RequireRole role="admin">
      {() => (
        <div class="stack wide">
          <h1>Skills catalog</h1>
          <Show when={action.problem()}>
            {(problem) => (
              <p class="form-error" role="status">
                {problem().message}
              </p>
            )}
          </Show>
          <Show when={action.saved()}>
            <p class="notice" role="status">
              {doneText()}
            </p>
          </Show>
          <ReviewQueue act={act} skillNamed={byName} />
          <form
            class="panel row"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              const from = byName(String(form.get('from')));
              const into = byName(String(form.get('into')));
              if (!from || !into) return action.fail('Name two skills of the catalog.');
              void act(
                () => trpc.skills.merge.mutate({ fromId: from.id, intoId: into.id }),
                `${from.name} merged into ${into.name}.`,
              );
            }}
          >
            <div class="field">
              <label for="merge-from">Merge this skill</label>
              <input id="merge-from" name="from" list="skill-names" />
            </div>
            <div class="field">
              <label for="merge-into">into this one</label>
              <input id="merge-into" name="into" list="skill-names" />
            </div>
            <button class="button" type="submit">
              Merge
            </button>
          </form>
          <datalist id="skill-names">
            <For each={catalog.data}>{(s) => <option value={s.name} />}</For>
          </datalist>
          <div class="field">
            <label for="skill-filter">Find a skill</label>
            <input id="skill-filter" type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
          </div>
          <Switch>
            <Match when={catalog.isPending}>
              <Skeleton lines={8} />
            </Match>
            <Match when={catalog.isError}>
              <ErrorBox error={catalog.error} />
            </Match>
            <Match when={catalog.data}>
              <DataTable columns={['Skill', 'Category', 'Aliases', 'Seekers', 'Jobs', 'Add an alias']} rows={shown()}>
                {(skill) => (
                  <tr>
                    <th scope="row">{skill.name}</th>
                    <td>{skill.category ?? 'uncategorized'}</td>
                    <td>{skill.aliases.join(', ')}</td>
                    <td>{skill.seekers}</td>
                    <td>{skill.jobs}</td>
                    <td>
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const alias = String(new FormData(e.currentTarget).get('alias') ?? '');
                          void act(
                            () => trpc.skills.addAlias.mutate({ skillId: skill.id, alias }),
                            `“${alias}” now names ${skill.name}.`,
                          );
                        }}
                      >
                        <input name="alias" aria-label={`New alias for ${skill.name}`} />
                      </form>
                    </td>
                  </tr>
                )}
              </DataTable>
            </Match>
          </Switch>
        </div>
      )}
    </RequireRole>
  );
}
