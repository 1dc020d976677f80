/** What every answer carries: security headers, and a log line per request. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './app-env.ts';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: false,
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/**
 * HSTS on every HTTPS answer and always in production, whatever scheme a proxy in front
 * forwarded (never on http://localhost in development, where it would pin the browser).
 */
export function strictTransportSecurity(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (config.env === 'production' || new URL(c.req.url).protocol === 'https:')
      c.res.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  };
}

/** A calendar feed's path holds its token (a credential): the log keeps the path's shape only. */
/**
 * For pages reached by a secret link (unsubscribe, calendar feeds): never stored by a cache, never
 * indexed, and the link is not sent on as a Referer from a page it opens.
 */
export const secretLinkHeaders =
  (cacheControl = 'no-store'): MiddlewareHandler =>
  async (c, next) => {
    await next();
    c.header('Cache-Control', cacheControl);
    c.header('X-Robots-Tag', 'noindex');
    c.header('Referrer-Policy', 'no-referrer');
  };

export const withoutSecrets = (path: string) => path.replace(/^\/calendar\/[^/]*/, '/calendar/[token].ics');

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: withoutSecrets(c.req.path),
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      userId: c.get('auth')?.user.id ?? null,
    });
  };
}
