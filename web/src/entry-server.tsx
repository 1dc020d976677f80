/**
 * The server renderer (built by `vite build --ssr` into dist/ssr; server/pages/ calls it): the
 * app's own routes and components rendered to HTML with their data already in the query cache,
 * so the browser hydrates the same tree from the same answers.
 */
import { QueryClientProvider } from '@tanstack/solid-query';
import { Router } from '@solidjs/router';
import { renderToString } from 'solid-js/web';
import template from '../../dist/web/index.html?raw';
import { Layout } from './layout.tsx';
import type { SeededQueries } from './lib/public-queries.ts';
import { createQueryClient } from './query-client.ts';
import { AppRoutes, publicPageOf } from './routes.tsx';

/** Stands for the signed-in pages, which the server never renders (the browser does). */
const NotRendered = () => null;

/** The built index.html: its hashed script and stylesheet links around the rendered page. */
export const documentTemplate: string = template;

/** The app at `url` as HTML, rendered from `seeded` answers (the signed-out view: pages are public). */
export async function renderApp(url: string, seeded: SeededQueries): Promise<string> {
  await publicPageOf(new URL(url, 'http://localhost').pathname)?.preload();
  const client = createQueryClient(seeded);
  try {
    return renderToString(() => (
      <QueryClientProvider client={client}>
        <Router root={Layout} url={url}>
          <AppRoutes privatePage={() => NotRendered} />
        </Router>
      </QueryClientProvider>
    ));
  } finally {
    client.clear();
  }
}
