/**
 * The Node entry's stand-in for the edge cache: anonymous GETs of public procedures (the same
 * ones the worker keeps in the Cache API, marked `s-maxage=60`) answered from memory for 60 s.
 * Bounded in entries; the oldest entry goes first.
 */
import { isCacheableRequest, isCacheableResponse } from './http/cache-policy.ts';

interface Entry {
  expiresAt: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export function createResponseCache(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const entries = new Map<string, Entry>();
  const now = options.now ?? Date.now;
  return function cached<Rest extends unknown[]>(fetch: (request: Request, ...rest: Rest) => Promise<Response>) {
    return async (request: Request, ...rest: Rest): Promise<Response> => {
      if (!isCacheableRequest(request)) return fetch(request, ...rest);
      const key = request.url;
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) {
        const headers = new Headers(hit.headers);
        headers.set('x-edge-cache', 'hit');
        return new Response(hit.body.slice(0), { status: hit.status, headers });
      }
      entries.delete(key);
      const response = await fetch(request, ...rest);
      if (!isCacheableResponse(response)) return response;
      const body = await response.arrayBuffer();
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, {
        expiresAt: now() + options.ttlMs,
        status: response.status,
        headers: [...response.headers],
        body,
      });
      return new Response(body.slice(0), { status: response.status, headers: response.headers });
    };
  };
}
