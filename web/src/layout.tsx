import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { announcePage } from './lib/page-change.ts';
import { useMe } from './lib/session.ts';
import { VerifyBanner } from './components/verify-banner.tsx';
import { NotificationBell } from './components/notification-bell.tsx';
import { trpc } from './lib/trpc.ts';
import { LogoMark } from './components/logo.tsx';

export function Layout(props: RouteSectionProps) {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await trpc.auth.signOut.mutate();
    client.clear();
    client.setQueryData(['auth', 'me'], null);
    navigate('/');
  };
  const location = useLocation();
  let main!: HTMLElement;
  let firstPage = true;
  const [menuOpen, setMenuOpen] = createSignal(false);
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        // The first page keeps the browser's own focus (top of the document); later ones move it.
        onCleanup(announcePage(main, !firstPage));
        firstPage = false;
      },
    ),
  );
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <nav class="nav" aria-label="Main">
          <A href="/" class="brand" end>
            <LogoMark />
            Fitwork
          </A>
          <Show when={me.data}>
            <NotificationBell />
            <button
              type="button"
              class="button button-secondary button-small menu-toggle"
              aria-expanded={menuOpen()}
              aria-controls="nav-links"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </button>
          </Show>
          <div class="nav-links" id="nav-links" classList={{ 'signed-in': !!me.data, open: menuOpen() }}>
            <A href="/jobs">Jobs</A>
            <Show
              when={me.data}
              fallback={
                <>
                  <A href="/signin">Sign in</A>
                  <A href="/signup" class="button button-small">
                    Sign up
                  </A>
                </>
              }
            >
              {(user) => (
                <>
                  <Switch>
                    <Match when={user().userType === 'job_seeker'}>
                      <A href="/me/matches">Matches</A>
                      <A href="/me/resume">Resume</A>
                      <A href="/me/applications">Applications</A>
                      <A href="/me/saved">Saved</A>
                      <A href="/me/alerts">Alerts</A>
                    </Match>
                    <Match when={user().userType === 'employer'}>
                      <A href="/employer/jobs" end>
                        My jobs
                      </A>
                      <A href="/employer/interviews">My interviews</A>
                      <A href="/employer/sources">Job boards</A>
                      <A href="/employer/team">Team</A>
                      <A href="/employer/feedback">Feedback</A>
                      <A href="/audit">Bias audit</A>
                    </Match>
                    <Match when={user().userType === 'admin'}>
                      <A href="/admin/skills">Skills catalog</A>
                      <A href="/admin/experiments">Experiments</A>
                      <A href="/admin/decisions">Decision log</A>
                      <A href="/audit">Bias audit</A>
                    </Match>
                  </Switch>
                  <A href="/account">Account</A>
                  <button type="button" class="link-button" onClick={signOut}>
                    Sign out
                  </button>
                </>
              )}
            </Show>
          </div>
        </nav>
      </header>
      <VerifyBanner />
      <main id="main" class="main" ref={main}>
        {props.children}
      </main>
      <footer class="site-footer">Fitwork matches people and jobs with explanations you can check.</footer>
    </>
  );
}
