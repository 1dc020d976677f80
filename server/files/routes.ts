/** GET /files/applications/:id/resume: the original an application was sent with, to its readers only. */
import { TRPCError } from '@trpc/server';
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../db/database.ts';
import { sessionCookieName, usesSecureCookies } from '../auth/cookies.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { validateSessionToken } from '../auth/sessions.ts';
import { recordId } from '../ids.ts';
import { applicationResumeFile } from './resumes.ts';
import type { FileStore } from './store.ts';

/** `attachment` with an ASCII name and its UTF-8 form (RFC 6266); the name is already safeFileName's. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoutes<E extends { Variables: { db: Database } }>(deps: {
  withDatabase: MiddlewareHandler<E>;
  files: FileStore;
  clock: () => Date;
  sessionCache?: SessionCache | undefined;
}): Hono<E> {
  const routes = new Hono<E>();
  routes.use('*', async (c, next) => {
    await next();
    // Personal documents: never cached, never sniffed into something the browser would run.
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  routes.use('*', deps.withDatabase);
  routes.get('/applications/:id/resume', async (c) => {
    const notFound = () => c.json({ error: { message: 'This file was not found.' } }, 404);
    const id = recordId.safeParse(Number(c.req.param('id')));
    if (!id.success) return notFound();
    const token = getCookie(c, sessionCookieName(usesSecureCookies(c.req.url)));
    const session = token ? await validateSessionToken(c.var.db, token, deps.clock(), deps.sessionCache) : null;
    if (!session) return c.json({ error: { message: 'Sign in to continue.' } }, 401);
    try {
      const file = await applicationResumeFile(c.var.db, deps.files, session.user, id.data);
      return c.body(file.bytes.slice().buffer, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentHeader(file.name),
        'Content-Length': String(file.bytes.byteLength),
      });
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return notFound();
      throw error;
    }
  });
  return routes;
}
