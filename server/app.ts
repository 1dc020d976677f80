/**
 * The one hono app, built from its dependencies. server/node.ts and server/worker.ts only
 * adapt it to a runtime: which database, which password hasher, how work runs after a response.
 *
 * Composition only: each path's routes live in their domain as a sub-app
 * (`fooRoutes(deps: RouteDeps): Hono<AppEnv>`), mounted here with one `app.route(...)` line and
 * listed in wrangler.toml's `run_worker_first`.
 */
import { Hono } from 'hono';
import { healthRoutes } from './health.ts';
import type { AppDeps, AppEnv } from './http/app-env.ts';
import { notFound, unhandledError } from './http/errors.ts';
import { requestLog, securityHeaders, strictTransportSecurity } from './http/headers.ts';
import { routeDeps } from './http/request-database.ts';
import { trpcRoutes } from './http/trpc-routes.ts';
import { devMailboxRoutes } from './mail/dev-mailbox-routes.ts';
import { devMailboxEnabled } from './mail/setup.ts';
import { alertRoutes } from './alerts/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { calendarRoutes } from './interviews/routes.ts';
import { unsubscribeRoutes } from './notifications/routes.ts';
import { pageRoutes } from './pages/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const routes = routeDeps(deps);

  app.use('*', securityHeaders, strictTransportSecurity(deps.config), requestLog(deps.logger));

  app.route('/webhooks', webhookRoutes(routes));
  if (devMailboxEnabled(deps.config)) app.route('/dev/mail', devMailboxRoutes(routes));
  app.route('/health', healthRoutes(routes));
  app.route('/files', fileRoutes(routes));
  app.route('/unsubscribe', unsubscribeRoutes(routes.withDatabase, routes.clock));
  app.route('/alerts/unsubscribe', alertRoutes(routes.withDatabase, routes.clock));
  app.route('/calendar', calendarRoutes(routes));
  app.route('/trpc', trpcRoutes(routes));

  // The public pages rendered on the server (decision 0012), before the SPA that hydrates them.
  if (deps.pages) app.route('/', pageRoutes(deps, deps.pages, app));
  // Last: the built SPA's files, then index.html for any other path (Node; the worker's assets binding does it there).
  for (const handler of deps.staticAssets ?? []) app.use('*', handler);

  app.notFound(notFound);
  app.onError(unhandledError(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
