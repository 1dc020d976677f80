/**
 * The company's team: its members and their roles, and for owners the pending invitations, an
 * invitation form, role changes and removals. Recruiters and interviewers read the list.
 */
import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { For, type JSX, Match, Show, Switch } from 'solid-js';
import { Field, FormError, InlineError, TextField } from '../components/field.tsx';
import { RequireRole } from '../components/guard.tsx';
import { Empty, ErrorBox, Skeleton } from '../components/ui.tsx';
import { dateLabel } from '../lib/format.ts';
import { useAction, useFormAction } from '../lib/form.ts';
import type { Me } from '../lib/session.ts';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';

type Role = RouterOutputs['companies']['members'][number]['role'];
type Member = RouterOutputs['companies']['members'][number];
type Invitation = RouterOutputs['companies']['invitations'][number];

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', recruiter: 'Recruiter', interviewer: 'Interviewer' };
const ROLE_HINT: Record<Role, string> = {
  owner: 'everything, including the team',
  recruiter: 'jobs, applicants and boards',
  interviewer: 'only the applications they interview',
};
const ROLES = Object.keys(ROLE_LABEL) as Role[];
/** The invitation form offers the least power first: a reset form never defaults to owner. */
const INVITE_ROLES: Role[] = ['recruiter', 'interviewer', 'owner'];

const MEMBERS_KEY = ['companies', 'members'] as const;
const INVITATIONS_KEY = ['companies', 'invitations'] as const;

function InviteForm() {
  const client = useQueryClient();
  const invite = useFormAction(async (form, element) => {
    await trpc.companies.invite.mutate({
      email: String(form.get('invite-email') ?? ''),
      role: String(form.get('invite-role')) as Role,
    });
    element.reset();
    await client.invalidateQueries({ queryKey: INVITATIONS_KEY });
  });
  return (
    <form class="panel" onSubmit={invite.submit} novalidate>
      <h2>Invite someone</h2>
      <p class="muted">They get an email with a link to join, valid for 7 days.</p>
      <FormError message={invite.problem()?.message ?? null} />
      <div class="row">
        <TextField id="invite-email" label="Email" type="email" autocomplete="off" errors={invite.errors('email')} />
        <Field id="invite-role" label="Role" errors={invite.errors('role')}>
          <select id="invite-role" name="invite-role">
            <For each={INVITE_ROLES}>
              {(role) => (
                <option value={role}>
                  {ROLE_LABEL[role]} ({ROLE_HINT[role]})
                </option>
              )}
            </For>
          </select>
        </Field>
      </div>
      <div class="actions">
        <button class="button" type="submit" disabled={invite.busy()}>
          Send invitation
        </button>
        <Show when={invite.saved()}>
          <span class="muted" role="status">
            Invitation sent.
          </span>
        </Show>
      </div>
    </form>
  );
}

/** One member's row: an owner changes the role or removes them; anyone may leave. */
function MemberRow(props: { member: Member; me: Me; isOwner: boolean }) {
  const client = useQueryClient();
  const action = useAction();
  const isMe = () => props.member.userId === props.me.id;
  const refresh = () => client.invalidateQueries({ queryKey: MEMBERS_KEY });
  const changeRole = async (select: HTMLSelectElement) => {
    const changed = await action.run(async () => {
      await trpc.companies.setRole.mutate({ userId: props.member.userId, role: select.value as Role });
      await refresh();
    });
    // Refused (the last owner): the menu goes back to the role the member still has.
    if (!changed) select.value = props.member.role;
  };
  const remove = async () => {
    const question = isMe()
      ? 'Leave this company? You will no longer see its jobs and applicants.'
      : `Remove ${props.member.email} from the team?`;
    if (!confirm(question)) return;
    const left = await action.run(async () => {
      await trpc.companies.removeMember.mutate({ userId: props.member.userId });
      await refresh();
    });
    if (left && isMe()) location.assign('/');
  };
  return (
    <tr>
      <td>
        {props.member.email}
        <Show when={isMe()}>
          <span class="muted"> (you)</span>
        </Show>
      </td>
      <td>
        <Show when={props.isOwner} fallback={ROLE_LABEL[props.member.role]}>
          <select
            aria-label={`Role of ${props.member.email}`}
            value={props.member.role}
            disabled={action.busy()}
            onChange={(e) => changeRole(e.currentTarget)}
          >
            <For each={ROLES}>{(role) => <option value={role}>{ROLE_LABEL[role]}</option>}</For>
          </select>
        </Show>
      </td>
      <td>{dateLabel(props.member.joinedAt)}</td>
      <td>
        <Show when={props.isOwner || isMe()}>
          <button type="button" class="link-button" disabled={action.busy()} onClick={remove}>
            {isMe() ? 'Leave' : 'Remove'}
          </button>
        </Show>{' '}
        <InlineError message={action.problem()?.message} />
      </td>
    </tr>
  );
}

function PendingInvitations() {
  const client = useQueryClient();
  const invitations = useQuery(() => ({
    queryKey: INVITATIONS_KEY,
    queryFn: () => trpc.companies.invitations.query(),
  }));
  return (
    <section class="panel">
      <h2>Pending invitations</h2>
      <Switch>
        <Match when={invitations.isPending}>
          <Skeleton lines={2} />
        </Match>
        <Match when={invitations.isError}>
          <ErrorBox error={invitations.error} retry={() => invitations.refetch()} />
        </Match>
        <Match when={invitations.data?.length === 0}>
          <p class="muted">No invitation is waiting.</p>
        </Match>
        <Match when={invitations.data}>
          <PeopleTable dateColumn="Expires">
            <For each={invitations.data}>
              {(invitation) => (
                <InvitationRow
                  invitation={invitation}
                  onRevoked={() => client.invalidateQueries({ queryKey: INVITATIONS_KEY })}
                />
              )}
            </For>
          </PeopleTable>
        </Match>
      </Switch>
    </section>
  );
}

/**
 * Members and pending invitations are the same kind of list (an email, a role, a date, actions),
 * so they share one table; only the date differs (joined or expires).
 */
function PeopleTable(props: { dateColumn: string; children: JSX.Element }) {
  return (
    <div class="table-scroll">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">{props.dateColumn}</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

function InvitationRow(props: { invitation: Invitation; onRevoked: () => Promise<void> }) {
  const revoke = useAction();
  return (
    <tr>
      <td>{props.invitation.email}</td>
      <td>{ROLE_LABEL[props.invitation.role]}</td>
      <td>{dateLabel(props.invitation.expiresAt)}</td>
      <td>
        <button
          type="button"
          class="link-button"
          disabled={revoke.busy()}
          aria-label={`Revoke the invitation to ${props.invitation.email}`}
          onClick={() =>
            revoke.run(async () => {
              await trpc.companies.revokeInvite.mutate({ id: props.invitation.id });
              await props.onRevoked();
            })
          }
        >
          Revoke
        </button>
        <InlineError message={revoke.problem()?.message} />
      </td>
    </tr>
  );
}

function Team(props: { me: Me }) {
  const members = useQuery(() => ({ queryKey: MEMBERS_KEY, queryFn: () => trpc.companies.members.query() }));
  const myRole = () => members.data?.find((m) => m.userId === props.me.id)?.role;
  const isOwner = () => myRole() === 'owner';
  return (
    <div class="stack wide">
      <h1>Team</h1>
      <Switch>
        <Match when={members.isPending}>
          <Skeleton lines={3} label="Loading the team" />
        </Match>
        <Match when={members.isError}>
          <ErrorBox error={members.error} retry={() => members.refetch()} />
        </Match>
        <Match when={members.data?.length === 0}>
          <Empty title="You are not in a company">
            <p>Ask a company's owner to invite you.</p>
          </Empty>
        </Match>
        <Match when={members.data}>
          <p class="muted">
            <Show
              when={isOwner()}
              fallback={`You are ${ROLE_LABEL[myRole() ?? 'interviewer'].toLowerCase()} here: only owners change the team.`}
            >
              Owners do everything, including the team; recruiters manage jobs, applicants and boards; interviewers see
              only the applications they interview.
            </Show>
          </p>
          <section class="panel">
            <h2>Members</h2>
            <PeopleTable dateColumn="Joined">
              <For each={members.data}>
                {(member) => <MemberRow member={member} me={props.me} isOwner={isOwner()} />}
              </For>
            </PeopleTable>
          </section>
          <Show when={isOwner()}>
            <InviteForm />
            <PendingInvitations />
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

export default function EmployerTeam() {
  return <RequireRole role="employer">{(me) => <Team me={me} />}</RequireRole>;
}
