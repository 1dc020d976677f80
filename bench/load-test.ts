/**
 * 200 connections for 30 s against the Node entry (what `npm start` runs, with the demo data):
 * a mix of search, job pages, match feeds and applies. Reports throughput, latency, errors.
 */
import autocannon from 'autocannon';
import { startNodeServer } from '../test/helpers/server.ts';

export async function loadTest(options: { connections?: number; seconds?: number } = {}) {
  const server = await startNodeServer({ SEED_DEMO_DATA: 'true' });
  try {
    const url = server.url;
    const seekers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`${url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({
          userType: 'job_seeker',
          email: `load${i}@example.com`,
          password: 'correct horse battery',
          firstName: 'Load',
          lastName: `Tester ${i}`,
        }),
      });
      seekers.push(response.headers.get('set-cookie')!.split(';')[0]!);
    }
    const queries = ['nurse', 'TS backend', 'teacher', 'sales', 'designer', 'warehouse', 'cook', 'finance analyst'];
    let n = 0;
    const get = (path: string, input: unknown, cookie?: string) => ({
      method: 'GET' as const,
      path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
      headers: cookie ? { cookie } : {},
    });
    const result = await autocannon({
      url,
      connections: options.connections ?? 200,
      duration: options.seconds ?? 30,
      timeout: 20,
      requests: [
        {
          setupRequest: (request) => {
            const i = n++;
            const kind = i % 10;
            const cookie = seekers[i % seekers.length]!;
            if (kind < 4) return { ...request, ...get('jobs.search', { q: queries[i % queries.length] }) };
            if (kind < 7) return { ...request, ...get('jobs.get', { id: 1 + (i % 48) }) };
            if (kind < 9) return { ...request, ...get('matches.forMe', { limit: 20 }, cookie) };
            return {
              ...request,
              method: 'POST',
              path: '/trpc/applications.apply',
              headers: { cookie, origin: url, 'content-type': 'application/json' },
              body: JSON.stringify({ jobId: 1 + (Math.floor(i / 10) % 48), coverLetter: null }),
            };
          },
        },
      ],
    });
    if (process.env.LOAD_LOG) (await import('node:fs')).writeFileSync(process.env.LOAD_LOG, server.output());
    return result;
  } finally {
    await server.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await loadTest();
  console.log(
    `requests ${r.requests.total}, ${r.requests.average} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
  );
}
