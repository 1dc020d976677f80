/**
 * /unsubscribe: one-click unsubscribe (RFC 8058). A mail client POSTs the List-Unsubscribe URL
 * with `List-Unsubscribe=One-Click`, without cookies; a person who opens the link gets a confirm
 * page whose button POSTs the same. The token is in the query, which the request log never
 * records (it logs the path only).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.ts';
import { secretLinkHeaders } from '../http/headers.ts';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page.ts';
import { describeUnsubscribe, unsubscribe } from './unsubscribe.ts';

const TOKEN_PATTERN = /^[a-z2-7]{52}$/;

export function unsubscribeRoutes<E extends { Variables: { db: Database } }>(
  withDatabase: MiddlewareHandler<E>,
  clock: () => Date,
): Hono<E> {
  const routes = new Hono<E>();
  routes.use('*', secretLinkHeaders());
  routes.use('*', withDatabase);
  routes.get('/', async (c) => {
    const token = c.req.query('token') ?? '';
    const found = TOKEN_PATTERN.test(token) ? await describeUnsubscribe(c.var.db, token, clock()) : null;
    return found ? c.html(confirmPage(found.label, token)) : c.html(invalidPage(), 404);
  });
  routes.post('/', async (c) => {
    const token = c.req.query('token') ?? '';
    const done = TOKEN_PATTERN.test(token) ? await unsubscribe(c.var.db, token, clock()) : null;
    return done ? c.html(donePage(done.label)) : c.html(invalidPage(), 404);
  });
  return routes;
}
