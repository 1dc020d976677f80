import { QueryClient, QueryClientProvider } from '@tanstack/solid-query';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './layout.tsx';
import Landing from './pages/landing.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && !/UNAUTHORIZED|FORBIDDEN|NOT_FOUND/.test(String(error)) } },
});

render(
  () => (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route path="/" component={Landing} />
        <Route path="/signin" component={lazy(() => import('./pages/sign-in.tsx'))} />
        <Route path="/signup" component={lazy(() => import('./pages/sign-up.tsx'))} />
        <Route path="/account" component={lazy(() => import('./pages/account.tsx'))} />
        <Route path="*" component={lazy(() => import('./pages/not-found.tsx'))} />
      </Router>
    </QueryClientProvider>
  ),
  document.getElementById('root')!,
);
