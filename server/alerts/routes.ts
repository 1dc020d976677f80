/**
 * /alerts/unsubscribe?token=...: RFC 8058 one-click unsubscribe from a digest. A POST (what a
 * mail client sends, body List-Unsubscribe=One-Click, or the confirm page's button) unsubscribes
 * without a session; a GET only shows the confirm page, because link scanners follow GETs. The
 * token is in the query, which the request log never records (it logs the path only).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.ts';
import { secretLinkHeaders } from '../http/headers.ts';
import {
  describeUnsubscribe,
  looksLikeToken,
  UNSUBSCRIBE_PATH,
  unsubscribe,
  type UnsubscribeTarget,
} from './unsubscribe.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · Fitwork</title></head>` +
    `<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1917;line-height:1.5">` +
    `<main style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">` +
    `<p style="margin:0 0 16px;font-weight:700;font-size:18px">Fitwork</p><h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}` +
    `<p style="margin:24px 0 0"><a href="/me/alerts" style="color:#1d4ed8">Manage your alerts</a></p></main></body></html>`
  );
}

const what = (target: UnsubscribeTarget) =>
  target.kind === 'matches'
    ? 'emails about new jobs that match your profile'
    : target.query
      ? `the job alert for “${target.query}”`
      : 'this job alert';

const UNKNOWN = page(
  'This link does not work',
  '<p>The unsubscribe link is not valid, or older than 90 days. You can turn alerts off in your account.</p>',
);

export function alertRoutes<E extends { Variables: { db: Database } }>(
  withDatabase: MiddlewareHandler<E>,
  clock: () => Date,
): Hono<E> {
  const routes = new Hono<E>();
  routes.use('*', secretLinkHeaders());
  routes.use('*', withDatabase);
  routes.get('/', async (c) => {
    const token = c.req.query('token');
    const target = looksLikeToken(token) ? await describeUnsubscribe(c.var.db, token) : null;
    if (!target || !token) return c.html(UNKNOWN, 404);
    return c.html(
      page(
        'Unsubscribe?',
        `<p>Stop ${escapeHtml(what(target))}?</p>` +
          `<form method="post" action="${UNSUBSCRIBE_PATH}?token=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
          `<button type="submit" style="background:#1d4ed8;color:#fff;border:0;padding:12px 20px;border-radius:6px;font-weight:600;font-size:16px;cursor:pointer">Unsubscribe</button></form>`,
      ),
    );
  });
  routes.post('/', async (c) => {
    const token = c.req.query('token');
    const target = looksLikeToken(token) ? await unsubscribe(c.var.db, token, clock()) : null;
    if (!target) return c.html(UNKNOWN, 404);
    return c.html(page('You are unsubscribed', `<p>You will get no more ${escapeHtml(what(target))}.</p>`));
  });
  return routes;
}
