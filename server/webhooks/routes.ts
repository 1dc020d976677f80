/** POST /webhooks/:sourceId: job boards push here. Signed instead of cookie-authenticated, so no CSRF check applies. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { createDomainHooks } from '../hooks.ts';
import { embedJobs } from '../jobs/embedding.ts';
import { findSource, ingestDelivery, MAX_WEBHOOK_BODY_BYTES } from './ingest.ts';
import { countRefusal } from './refusals.ts';

export function webhookRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post(
    '/:sourceId',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: 'The body is larger than 1 MB.' }, 413);
      },
    }),
    deps.withDatabase,
    async (c) => {
      const db = c.var.db;
      const source = await findSource(db, c.req.param('sourceId'));
      if (!source) {
        await countRefusal(db, null, 'unknown_board', deps.clock());
        return c.json({ error: 'Unknown job board.' }, 404);
      }
      const body = await c.req.text();
      const hooks = createDomainHooks(db, deps.ai, deps.clock, deps.config.matchingAlgorithm);
      const now = deps.clock();
      const result = await ingestDelivery(
        {
          db,
          ai: deps.ai,
          now,
          // The jobs were written at `now`: that is the version their embeddings are for.
          afterResponse: (jobIds) =>
            deps.runInBackground(c, async () =>
              hooks.onJobsEmbedded(
                await embedJobs(
                  db,
                  deps.ai.embedder,
                  jobIds.map((id) => ({ id, updatedAt: now })),
                  now,
                ),
              ),
            ),
        },
        source,
        Object.fromEntries(c.req.raw.headers),
        body,
      );
      deps.logger.info('webhook delivery', {
        sourceId: source.id,
        status: result.status,
        outcome: result.body.status ?? null,
      });
      c.header('Cache-Control', 'no-store');
      return c.json(result.body, result.status);
    },
  );
  return routes;
}
