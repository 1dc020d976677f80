/** The /dev/mail pages (mounted by app.ts only when setup.ts's devMailboxEnabled says so). */
import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { isLoopback, mailboxMessageHtml, renderMailbox, renderMailboxMessage } from './dev-mailbox.ts';

export function devMailboxRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', async (c, next) => {
    // Messages hold sign-in links: nobody but this machine may read them.
    if (!isLoopback(deps.clientIp(c))) return c.json({ error: { message: 'Not found.' } }, 404);
    await next();
    c.header('Cache-Control', 'no-store');
  });
  routes.use('*', deps.withDatabase);
  routes.get('/', async (c) => c.html(await renderMailbox(c.var.db)));
  routes.get('/:id{[0-9]+}', async (c) => {
    const page = await renderMailboxMessage(c.var.db, Number(c.req.param('id')));
    return page ? c.html(page) : c.json({ error: { message: 'No such message.' } }, 404);
  });
  routes.get('/:id{[0-9]+}/html', async (c) => {
    const html = await mailboxMessageHtml(c.var.db, Number(c.req.param('id')));
    return html ? c.html(html) : c.json({ error: { message: 'No such message.' } }, 404);
  });
  return routes;
}
