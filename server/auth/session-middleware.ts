/**
 * The session of a /trpc request: reads the cookie, refuses cross-site writes that carry it,
 * slides or clears the cookie after the answer, and says who may cache the answer.
 * Runs after `withDatabase` (it reads the session from the request's database).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { isPublicRead, PUBLIC_CACHE_CONTROL } from '../http/cache-policy.ts';
import { blankSessionCookie, sessionCookie, sessionCookieName, usesSecureCookies } from './cookies.ts';
import { isSameOriginRequest, needsCsrfCheck } from './csrf.ts';
import type { SessionCache } from './session-cache.ts';
import { validateSessionToken } from './sessions.ts';

export function sessionMiddleware(clock: () => Date, cache?: SessionCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secure = usesSecureCookies(c.req.url);
    c.set('secureCookies', secure);
    c.set('auth', null);
    const token = getCookie(c, sessionCookieName(secure));
    if (token === undefined) {
      await next();
      // Anonymous reads of public data may be cached by browsers and the edge.
      if (c.req.method === 'GET' && c.res.status === 200 && isPublicRead(c.req.path))
        c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
      else c.res.headers.set('Cache-Control', 'no-store');
      return;
    }

    if (needsCsrfCheck(c.req.method) && !isSameOriginRequest(c.req.raw)) {
      return c.json({ error: { message: 'Cross-site request refused.' } }, 403);
    }
    const now = clock();
    const validated = await validateSessionToken(c.var.db, token, now, cache);
    c.set('auth', validated);
    await next();
    // tRPC builds its own Response, so these go on it afterwards, unless the procedure itself
    // set the cookie (sign-in, sign-out, password change): its word is the newer one.
    if (!c.res.headers.has('Set-Cookie')) {
      if (!validated) c.res.headers.append('Set-Cookie', blankSessionCookie(secure));
      else if (validated.refreshed)
        c.res.headers.append('Set-Cookie', sessionCookie(token, validated.session.expiresAt, now, secure));
    }
    // Anything answered to a signed-in caller is personal: never cached by a browser or the edge.
    c.res.headers.set('Cache-Control', 'private, no-store');
  };
}
