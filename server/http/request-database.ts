/** The request plumbing every route module uses: its database, and work after its response. */
import type { MiddlewareHandler } from 'hono';
import { createMemoryFileStore } from '../files/store.ts';
import { errorSummary } from '../logger.ts';
import type { AppContext, AppDeps, AppEnv, RequestDatabase, RouteDeps } from './app-env.ts';

/** Opens the request's database; it goes back only when the request's own background work is done with it. */
function databaseMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let opened: RequestDatabase;
    try {
      opened = await deps.openDatabase(c);
    } catch (error) {
      deps.logger.error('database unavailable', { error: errorSummary(error) });
      return c.json({ error: { message: 'The service is temporarily unavailable. Please try again shortly.' } }, 503);
    }
    c.set('db', opened.db);
    c.set('tasks', []);
    try {
      await next();
    } finally {
      const tasks = c.var.tasks;
      deps.runAfterResponse(c, async () => {
        await Promise.allSettled(tasks);
        await opened.release();
      });
    }
  };
}

function backgroundRunner(deps: AppDeps): RouteDeps['runInBackground'] {
  return (c: AppContext, task: () => Promise<unknown>) => {
    const started = task().catch((error: unknown) =>
      deps.logger.error('background task failed', { error: errorSummary(error) }),
    );
    c.var.tasks.push(started);
    deps.runAfterResponse(c, () => started);
  };
}

export function routeDeps(deps: AppDeps): RouteDeps {
  return {
    ...deps,
    withDatabase: databaseMiddleware(deps),
    runInBackground: backgroundRunner(deps),
    files: deps.files ?? createMemoryFileStore(),
  };
}
