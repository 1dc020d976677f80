/**
 * Every route of the app, for the browser (main.tsx) and the server renderer
 * (entry-server.tsx): one tree, so what the server renders is what the browser hydrates.
 */
import { Route } from '@solidjs/router';
import { type Component, For, lazy } from 'solid-js';
import Landing from './pages/landing.tsx';

// Every route but the landing page is its own chunk, loaded when first visited.
export const page = (load: () => Promise<{ default: () => unknown }>) =>
  lazy(load as never) as ReturnType<typeof lazy> & {
    preload: () => Promise<unknown>;
  };

/** The pages the server renders (their chunks are loaded before rendering or hydrating). */
export const PUBLIC_PAGES = {
  jobsSearch: page(() => import('./pages/jobs-search.tsx')),
  job: page(() => import('./pages/job.tsx')),
  company: page(() => import('./pages/company.tsx')),
};

/** The chunk a public path needs, or null (the landing page is in the main chunk). */
export function publicPageOf(pathname: string) {
  if (pathname === '/jobs') return PUBLIC_PAGES.jobsSearch;
  if (/^\/jobs\/[^/]+$/.test(pathname)) return PUBLIC_PAGES.job;
  if (/^\/companies\/[^/]+$/.test(pathname)) return PUBLIC_PAGES.company;
  return null;
}

/**
 * The signed-in pages and the rest, by path: the browser loads each as its own chunk
 * (private-pages.ts); the server never renders them, so its bundle leaves them out.
 */
export const PRIVATE_PATHS = [
  '/signin',
  '/signup',
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/confirm-email',
  '/join-team',
  '/account',
  '/me/matches',
  '/me/resume',
  '/me/applications',
  '/me/saved',
  '/me/alerts',
  '/notifications',
  '/employer/jobs',
  '/employer/jobs/new',
  '/employer/jobs/:id/edit',
  '/employer/jobs/:id',
  '/employer/jobs/:id/pipeline',
  '/employer/sources',
  '/employer/interviews',
  '/employer/team',
  '/employer/feedback',
  '/admin/skills',
  '/admin/experiments',
  '/admin/decisions',
  '/audit',
  '*',
] as const;
export type PrivatePath = (typeof PRIVATE_PATHS)[number];

/**
 * The design system on one page (decision 0005), in development builds only: a constant condition
 * outside JSX, so production builds drop the page's chunk; the server never renders it.
 */
const DEV_ROUTES =
  import.meta.env.DEV && !import.meta.env.SSR
    ? [{ path: '/dev/ui', component: page(() => import('./pages/dev-ui.tsx')) }]
    : [];

export function AppRoutes(props: { privatePage: (path: PrivatePath) => Component }) {
  return (
    <>
      <Route path="/" component={Landing} />
      <Route path="/jobs" component={PUBLIC_PAGES.jobsSearch} />
      <Route path="/jobs/:id" component={PUBLIC_PAGES.job} />
      <Route path="/companies/:id" component={PUBLIC_PAGES.company} />
      <For each={DEV_ROUTES}>{(route) => <Route path={route.path} component={route.component} />}</For>
      <For each={PRIVATE_PATHS}>{(path) => <Route path={path} component={props.privatePage(path)} />}</For>
    </>
  );
}
