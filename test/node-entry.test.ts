import { describe, expect, it } from 'vitest';
import { createAdmissionQueue } from '../server/admission.ts';
import { createResponseCache } from '../server/response-cache.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the admission queue of the Node entry', () => {
  it('starts requests in arrival order, at most two per event-loop turn', async () => {
    const queue = createAdmissionQueue(2);
    const started: number[] = [];
    const all = Array.from({ length: 5 }, (_, i) => queue.admit().then(() => started.push(i)));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(queue.waiting).toBe(0);
  });
});

describe('the response cache of the Node entry', () => {
  it('answers anonymous public reads from memory for the TTL, and nothing else', async () => {
    let clock = 0;
    let calls = 0;
    const app = async (request: Request) => {
      calls++;
      const isPublic = new URL(request.url).pathname === '/trpc/jobs.search';
      return new Response(`answer ${calls}`, {
        headers: { 'cache-control': isPublic ? 'public, s-maxage=60' : 'private, no-store' },
      });
    };
    const fetch = createResponseCache({ ttlMs: 60_000, maxEntries: 2, now: () => clock })(app);
    const get = async (path: string, init?: RequestInit) =>
      (await fetch(new Request(`http://localhost${path}`, init))).text();

    expect(await get('/trpc/jobs.search?input=1')).toBe('answer 1');
    expect(await get('/trpc/jobs.search?input=1')).toBe('answer 1');
    // Signed in, another procedure, a POST: never from the cache.
    expect(await get('/trpc/jobs.search?input=1', { headers: { cookie: 'session=x' } })).toBe('answer 2');
    expect(await get('/trpc/matches.forMe')).toBe('answer 3');
    expect(await get('/trpc/matches.forMe')).toBe('answer 4');
    clock = 60_001;
    expect(await get('/trpc/jobs.search?input=1')).toBe('answer 5');
    // Bounded: the oldest entry goes first.
    await get('/trpc/jobs.search?input=2');
    await get('/trpc/jobs.search?input=3');
    expect(await get('/trpc/jobs.search?input=1')).toBe('answer 8');
  });
});
