/**
 * What a CDN does in front of the worker, done by the Node entry itself: compressed answers,
 * hashed assets cached for a year, the SPA's HTML revalidated by ETag.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etagOf, etagMatches } from './etag.ts';

/** Files under /assets/ have their content's hash in their name: they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The built SPA: files (brotli or gzip made at build, when the browser takes it), then index.html for any other path. */
export function nodeStaticAssets(webDir: string): MiddlewareHandler[] {
  const shell = readFileSync(`${webDir}/index.html`, 'utf8');
  const shellEtag = etagOf(shell);
  const serveFile = serveStatic({ root: webDir, precompressed: true });
  const files: MiddlewareHandler = async (c, next) => {
    const found = await serveFile(c, next);
    if (found instanceof Response)
      found.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return found;
  };
  const spaShell: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const etag = await shellEtag;
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.html(shell);
  };
  return [files, spaShell];
}

/**
 * The Node entry's outer layer: gzip for text answers made at request time (pages, JSON), and
 * a 304 for a revalidation whose ETag still matches (also for answers from the response cache).
 * Streamed tRPC batches stay uncompressed: gzip would hold each answer back until the last.
 */
export function edgeLayer(fetch: (request: Request, env?: unknown) => Promise<Response>) {
  const outer = new Hono();
  const gzip = compress({ encoding: 'gzip' });
  outer.use('*', (c, next) => (c.req.header('trpc-accept') ? next() : gzip(c, next)));
  outer.use('*', async (c, next) => {
    await next();
    const etag = c.res.headers.get('ETag');
    if (c.res.status === 200 && etag && etagMatches(c.req.header('if-none-match'), etag)) {
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      c.res = new Response(null, { status: 304, headers });
    }
  });
  outer.all('*', (c) => fetch(c.req.raw, c.env));
  return outer;
}
