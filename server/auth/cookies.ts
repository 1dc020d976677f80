import { generateCookie } from 'hono/cookie';

/**
 * `__Host-` binds the cookie to our exact origin over HTTPS (no Domain, Path=/, Secure).
 * Browsers refuse Secure cookies over plain http, so on http://localhost only the cookie is
 * plain `session` without Secure: the one place where that is safe.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-session' : 'session';
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function usesSecureCookies(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  return !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export function sessionCookie(token: string, expiresAt: Date, now: Date, secure: boolean): string {
  return generateCookie(sessionCookieName(secure), token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function blankSessionCookie(secure: boolean): string {
  return generateCookie(sessionCookieName(secure), '', {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: 0,
  });
}
