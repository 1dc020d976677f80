/**
 * /calendar/TOKEN.ics: a member's read-only feed of their interviews, for a calendar app to
 * subscribe to (no cookie: the unguessable token is the credential). Private and never cached;
 * an unknown or revoked token answers 404. The request log masks the token (server/http/headers.ts).
 */
import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { secretLinkHeaders } from '../http/headers.ts';
import { calendarFeedText } from './feed.ts';

export function calendarRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', secretLinkHeaders('private, no-store'));
  routes.get('/:file{[a-z2-7]+\\.ics}', deps.withDatabase, async (c) => {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const text = await calendarFeedText(c.var.db, token, {
      now: deps.clock(),
      publicUrl: deps.config.publicUrl,
      mailFrom: deps.config.mailFrom,
    });
    if (text === null) return c.text('This calendar feed does not exist, or was revoked.', 404);
    return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
  routes.all('*', (c) => c.text('This calendar feed does not exist, or was revoked.', 404));
  return routes;
}
