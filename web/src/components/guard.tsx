import { Navigate, useLocation } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { useMe, type Me } from '../lib/session.ts';
import { Skeleton } from './ui.tsx';

const ROLE_NAMES = { job_seeker: 'job seekers', employer: 'employers', admin: 'admins' } as const;

/** Renders its children for the given role; otherwise sends to sign-in or says whose page it is. */
export function RequireRole(props: { role: Me['userType']; children: (me: Me) => JSX.Element }) {
  const me = useMe();
  const location = useLocation();
  return (
    <Switch fallback={<Skeleton label="Checking your account" />}>
      <Match when={me.isSuccess && !me.data}>
        <Navigate href={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} />
      </Match>
      <Match when={me.data && me.data.userType !== props.role}>
        <section class="panel narrow" role="alert">
          <h1>This page is for {ROLE_NAMES[props.role]}</h1>
          <p>You are signed in as {me.data!.email}. Sign out and sign in with another account to open it.</p>
        </section>
      </Match>
      <Match when={me.data}>{(user) => props.children(user())}</Match>
    </Switch>
  );
}
