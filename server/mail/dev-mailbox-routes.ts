/** The /dev/mail pages (mounted by app.ts only when setup.ts's devMailboxEnabled says so). */
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.ts';
import { isLoopback, mailboxMessageHtml, renderMailbox, renderMailboxMessage } from './dev-mailbox.ts';

export function devMailboxRoutes<E extends { Variables: { db: Database } }>(
  withDatabase: MiddlewareHandler<E>,
  clientIp: (c: HonoContext) => string | null,
): Hono<E> {
  const routes = new Hono<E>();
  routes.use('*', async (c, next) => {
    // Messages hold sign-in links: nobody but this machine may read them.
    if (!isLoopback(clientIp(c))) return c.json({ error: { message: 'Not found.' } }, 404);
    await next();
    c.header('Cache-Control', 'no-store');
  });
  routes.use('*', withDatabase);
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
