import { QueryClientProvider } from '@tanstack/solid-query';
import { Router } from '@solidjs/router';
import { hydrate, render } from 'solid-js/web';
import { Layout } from './layout.tsx';
import { type SeededQueries, STATE_ELEMENT_ID } from './lib/public-queries.ts';
import { createQueryClient } from './query-client.ts';
import { privatePage } from './private-pages.ts';
import { AppRoutes, publicPageOf } from './routes.tsx';
import './styles.css';

const root = document.getElementById('root')!;
// A page the server rendered carries the answers it was rendered from: the cache starts with them.
const stateElement = document.getElementById(STATE_ELEMENT_ID);
const seeded: SeededQueries = stateElement ? JSON.parse(stateElement.textContent ?? '[]') : [];
const queryClient = createQueryClient(seeded);

const app = () => (
  <QueryClientProvider client={queryClient}>
    <Router root={Layout}>
      <AppRoutes privatePage={privatePage} />
    </Router>
  </QueryClientProvider>
);

if (stateElement) {
  // Solid's hydration globals, set here rather than by its inline script (the CSP allows no inline script).
  (globalThis as { _$HY?: unknown })._$HY ??= { events: [], completed: new WeakSet(), r: {}, fe() {} };
  await publicPageOf(location.pathname)?.preload();
  hydrate(app, root);
  // The page was rendered for anyone; who is signed in is asked now (the navigation follows).
  void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
} else {
  render(app, root);
}
