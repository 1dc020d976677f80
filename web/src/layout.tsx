import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { useMe, useSetMe } from './lib/session.ts';
import { trpc } from './lib/trpc.ts';

export function Layout(props: RouteSectionProps) {
  const me = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const signOut = async () => {
    await trpc.auth.signOut.mutate();
    setMe(null);
    navigate('/');
  };
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <nav class="nav" aria-label="Main">
          <A href="/" class="brand" end>Fitwork</A>
          <div class="nav-links">
            <Show
              when={me.data}
              fallback={
                <>
                  <A href="/signin">Sign in</A>
                  <A href="/signup" class="button button-small">Sign up</A>
                </>
              }
            >
              {(user) => (
                <>
                  <A href="/account">{user().userType === 'employer' ? 'Company' : 'Account'}</A>
                  <button type="button" class="link-button" onClick={signOut}>Sign out</button>
                </>
              )}
            </Show>
          </div>
        </nav>
      </header>
      <main id="main" class="main">{props.children}</main>
      <footer class="site-footer">Fitwork matches people and jobs with explanations you can check.</footer>
    </>
  );
}
