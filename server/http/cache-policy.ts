/** Which answers are the same for everyone, so browsers, the edge and the Node entry may keep them. */
import { isPublicPage, isSeoFile } from '../pages/paths.ts';

/** Procedures whose anonymous answers are the same for everyone: cacheable at the edge. */
const PUBLIC_PROCEDURES = new Set(['jobs.search', 'jobs.get', 'skills.search', 'companies.get']);
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** The procedures named by /trpc/a,b,c; null when the path is not valid percent-encoding. */
export function proceduresOf(path: string): string[] | null {
  try {
    return path
      .replace(/^\/trpc\//, '')
      .split(',')
      .map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

/** True for /trpc/a,b,c when every procedure of the (batched) path is public. */
export function isPublicRead(path: string): boolean {
  const procedures = proceduresOf(path);
  return procedures !== null && procedures.length > 0 && procedures.every((p) => PUBLIC_PROCEDURES.has(p));
}

/** An anonymous GET of public procedures: what an edge cache may answer for everyone. */
export function isCacheableRequest(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return (
    request.method === 'GET' &&
    !request.headers.has('cookie') &&
    (isPublicRead(path) || isPublicPage(path) || isSeoFile(path))
  );
}

/** A successful answer the app marked public (PUBLIC_CACHE_CONTROL). */
export function isCacheableResponse(response: Response): boolean {
  return response.status === 200 && (response.headers.get('cache-control')?.includes('public') ?? false);
}
