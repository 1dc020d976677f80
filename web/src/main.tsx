import { QueryClient, QueryClientProvider } from '@tanstack/solid-query';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './layout.tsx';
import Landing from './pages/landing.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing row will not appear by asking again.
      retry: (count, error) =>
        count < 2 &&
        !/UNAUTHORIZED|FORBIDDEN|NOT_FOUND|BAD_REQUEST/.test(
          String((error as { data?: { code?: string } }).data?.code ?? error),
        ),
      refetchOnWindowFocus: false,
    },
  },
});

// Every route but the landing page is its own chunk, loaded when first visited.
const page = (load: () => Promise<{ default: () => unknown }>) => lazy(load as never);

render(
  () => (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route path="/" component={Landing} />
        <Route path="/jobs" component={page(() => import('./pages/jobs-search.tsx'))} />
        <Route path="/jobs/:id" component={page(() => import('./pages/job.tsx'))} />
        <Route path="/signin" component={page(() => import('./pages/sign-in.tsx'))} />
        <Route path="/signup" component={page(() => import('./pages/sign-up.tsx'))} />
        <Route path="/forgot-password" component={page(() => import('./pages/forgot-password.tsx'))} />
        <Route path="/reset-password" component={page(() => import('./pages/reset-password.tsx'))} />
        <Route path="/join-team" component={page(() => import('./pages/join-team.tsx'))} />
        <Route path="/verify-email" component={page(() => import('./pages/verify-email.tsx'))} />
        <Route path="/confirm-email" component={page(() => import('./pages/confirm-email.tsx'))} />
        <Route path="/account" component={page(() => import('./pages/account.tsx'))} />
        <Route path="/me/matches" component={page(() => import('./pages/seeker-matches.tsx'))} />
        <Route path="/me/resume" component={page(() => import('./pages/seeker-resume.tsx'))} />
        <Route path="/me/applications" component={page(() => import('./pages/seeker-applications.tsx'))} />
        <Route path="/employer/jobs" component={page(() => import('./pages/employer-jobs.tsx'))} />
        <Route path="/employer/jobs/new" component={page(() => import('./pages/employer-job-editor.tsx'))} />
        <Route path="/employer/jobs/:id/edit" component={page(() => import('./pages/employer-job-editor.tsx'))} />
        <Route path="/employer/jobs/:id" component={page(() => import('./pages/employer-job-review.tsx'))} />
        <Route path="/employer/sources" component={page(() => import('./pages/employer-sources.tsx'))} />
        <Route path="/admin/skills" component={page(() => import('./pages/admin-skills.tsx'))} />
        <Route path="/admin/experiments" component={page(() => import('./pages/admin-experiments.tsx'))} />
        <Route path="/admin/decisions" component={page(() => import('./pages/admin-decisions.tsx'))} />
        <Route path="/audit" component={page(() => import('./pages/audit.tsx'))} />
        <Route path="*" component={page(() => import('./pages/not-found.tsx'))} />
      </Router>
    </QueryClientProvider>
  ),
  document.getElementById('root')!,
);
