/**
 * The public pages rendered on the server (issue 18 part 3) and served like a CDN would from
 * Node (part 4): what a crawler or a browser without JavaScript receives.
 */
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isCacheableRequest } from '../server/http/cache-policy.ts';
import { edgeLayer, IMMUTABLE, nodeStaticAssets } from '../server/pages/node-assets.ts';
import type { PageRenderer } from '../server/pages/renderer.ts';
import { sitemapFile } from '../server/pages/sitemap.ts';
import { createTestApp } from './helpers/app.ts';
import { type Client, employerClient, nurseJob } from './helpers/actors.ts';
import { builtPageRenderer } from './helpers/pages.ts';

const ORIGIN = 'https://jobs.example.com';
const DAY = 86_400_000;

let pages: PageRenderer;
let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };

beforeAll(async () => {
  pages = await builtPageRenderer();
});

beforeEach(async () => {
  t = await createTestApp({ pages, env: { PUBLIC_URL: ORIGIN } });
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
});

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

/** The JSON of every <script type="…"> of a page, by type. */
function scripts(html: string, type: string) {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[1]!.includes(`type="${type}"`))
    .map((m) => JSON.parse(m[2]!) as unknown);
}

/** Scripts the CSP would run: every <script> that is neither data nor a file. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/type="application\/(ld\+)?json"|src=/.test(m[1]!));

const meta = (html: string, attr: string, name: string) =>
  new RegExp(`<meta ${attr}="${name.replace(/[.:+]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

describe('a job page without JavaScript', () => {
  it('holds the title, company, description and one valid JobPosting JSON-LD, with its head tags', async () => {
    const job = await employer.trpc.jobs.create.mutate({ ...nurseJob, expiresAt: '2027-01-31T00:00:00.000Z' });
    const response = await get(`/jobs/${job.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1>Pediatric Nurse</h1>');
    expect(html).toContain('Acme Health');
    expect(html).toContain('Care for children on our pediatrics floor');

    const ld = scripts(html, 'application/ld+json');
    expect(ld).toHaveLength(1);
    const posting = ld[0] as Record<string, unknown>;
    expect(posting).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Pediatric Nurse',
      description: nurseJob.description,
      datePosted: '2026-11-25',
      validThrough: '2027-01-31T00:00:00.000Z',
      hiringOrganization: { '@type': 'Organization', name: 'Acme Health' },
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Boston', addressRegion: 'MA' } },
    });

    expect(html).toMatch(/<title>Pediatric Nurse at Acme Health \| Fitwork<\/title>/);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(meta(html, 'name', 'description')).toMatch(/^Acme Health, Boston, MA: Care for children/);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/jobs/${job.id}" />`);
    expect(meta(html, 'property', 'og:title')).toBe('Pediatric Nurse at Acme Health | Fitwork');
    expect(meta(html, 'property', 'og:url')).toBe(`${ORIGIN}/jobs/${job.id}`);
    expect(meta(html, 'name', 'twitter:card')).toBe('summary');
    // The CSP stays strict: no script runs from the page itself.
    expect(inlineScripts(html)).toEqual([]);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('embeds the answer it was rendered from, so the browser does not ask again', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const html = await (await get(`/jobs/${job.id}`)).text();
    const [state] = scripts(html, 'application/json') as [[unknown[], unknown][]];
    const seeded = new Map(state.map(([key, data]) => [JSON.stringify(key), data]));
    expect(seeded.get(JSON.stringify(['jobs', 'get', job.id]))).toMatchObject({ id: job.id, title: 'Pediatric Nurse' });
    expect(seeded.get(JSON.stringify(['auth', 'me']))).toBeNull();
  });

  it('says where a remote job may be done from (TELECOMMUTE with applicantLocationRequirements)', async () => {
    const job = await employer.trpc.jobs.create.mutate({ ...nurseJob, location: 'Remote', remoteAllowed: true });
    const [posting] = scripts(await (await get(`/jobs/${job.id}`)).text(), 'application/ld+json');
    expect(posting).toMatchObject({
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'US' },
    });
    expect(posting).not.toHaveProperty('jobLocation');
  });

  it('escapes what an employer wrote: no text can end a script or add markup', async () => {
    const job = await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Nurse </script><script>alert(1)</script>',
      description: 'Night shifts. <img src=x onerror=alert(1)> "quoted" & more.',
    });
    const html = await (await get(`/jobs/${job.id}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(inlineScripts(html)).toEqual([]);
    const [posting] = scripts(html, 'application/ld+json') as [{ title: string }];
    expect(posting.title).toBe('Nurse </script><script>alert(1)</script>');
  });

  it('answers 410 for a closed or expired job, with similar open jobs; 404 for an unknown id or a draft', async () => {
    const closed = await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.setStatus.mutate({ id: closed.id, status: 'closed' });
    const open = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Pediatric Nurse, nights' });
    const expiring = await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Pediatric Nurse, weekends',
      expiresAt: new Date(t.clock.now.getTime() + DAY).toISOString(),
    });
    const draft = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    await t.settle();

    const gone = await get(`/jobs/${closed.id}`);
    expect(gone.status).toBe(410);
    const html = await gone.text();
    expect(html).toContain('This job is closed');
    expect(html).toContain(`href="/jobs/${open.id}"`);
    expect(html).toContain('<meta name="robots" content="noindex" />');
    expect(scripts(html, 'application/ld+json')).toEqual([]);

    t.clock.advance(2 * DAY);
    expect((await get(`/jobs/${expiring.id}`)).status).toBe(410);
    for (const path of [`/jobs/${draft.id}`, '/jobs/999999', '/jobs/abc']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('There is no job at this address.');
    }
  });
});

describe('the other public pages', () => {
  it('the search page lists the results for its query in its HTML', async () => {
    await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Backend Engineer',
      description: 'Build APIs in TypeScript and PostgreSQL.',
      skills: [],
    });
    await t.settle();
    const response = await get('/jobs?q=nurse');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<mark[^>]*>Nurse<\/mark>/);
    expect(html).not.toContain('Backend Engineer');
    expect(html).toMatch(/<title>nurse jobs \| Fitwork<\/title>/);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/jobs?q=nurse" />`);
  });

  it('the search page counts the filters it applies, not every parameter in the address', async () => {
    // The button's text, without Solid's hydration markers.
    const filtersButton = async (path: string) =>
      (await (await get(path)).text())
        .match(/aria-controls="filters"[^>]*>(.*?)<\/button>/s)?.[1]
        ?.replace(/<!--.*?-->/g, '')
        .trim();
    expect(await filtersButton('/jobs?q=nurse')).toBe('Filters');
    expect(await filtersButton('/jobs?q=nurse&remote=1')).toBe('Filters (1)');
    expect(await filtersButton('/jobs?q=nurse&remote=yes&company=abc')).toBe('Filters');
    expect(await filtersButton('/jobs?q=nurse&remote=1&location=boston&type=full_time')).toBe('Filters (3)');
  });

  it('the start page lists the latest jobs', async () => {
    await employer.trpc.jobs.create.mutate(nurseJob);
    const html = await (await get('/')).text();
    expect(html).toContain('Find the work that fits you');
    expect(html).toContain('Pediatric Nurse');
  });

  it('a company page shows the profile and its open jobs only; an unknown company is 404', async () => {
    await employer.trpc.employers.updateCompany.mutate({ industry: 'Healthcare', website: 'https://acme.example' });
    const open = await employer.trpc.jobs.create.mutate(nurseJob);
    const closed = await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Charge Nurse' });
    await employer.trpc.jobs.setStatus.mutate({ id: closed.id, status: 'closed' });
    const response = await get(`/companies/${employer.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Acme Health</h1>');
    expect(html).toContain(`href="/jobs/${open.id}"`);
    expect(html).not.toContain('Charge Nurse');
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/companies/${employer.id}" />`);
    expect((await get('/companies/999999')).status).toBe(404);
  });

  it('answers a revalidation with a matching ETag by 304, and is cacheable at the edge', async () => {
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const first = await get(`/jobs/${job.id}`);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(first.headers.get('cache-control')).toContain('s-maxage=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get(`/jobs/${job.id}`, { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect(isCacheableRequest(new Request(`http://localhost/jobs/${job.id}`))).toBe(true);
    expect(isCacheableRequest(new Request('http://localhost/jobs?q=nurse'))).toBe(true);
    expect(isCacheableRequest(new Request('http://localhost/me/matches'))).toBe(false);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists the public pages with lastmod, and not closed jobs', async () => {
    const open = await employer.trpc.jobs.create.mutate(nurseJob);
    const closed = await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.setStatus.mutate({ id: closed.id, status: 'closed' });
    const response = await get('/sitemap.xml');
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<url><loc>${ORIGIN}/jobs/${open.id}</loc><lastmod>2026-11-25T12:00:00.000Z</lastmod></url>`);
    expect(xml).toContain(`<loc>${ORIGIN}/companies/${employer.id}</loc>`);
    expect(xml).not.toContain(`/jobs/${closed.id}<`);
    expect((await get('/sitemap-1.xml')).status).toBe(404);
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(robots).toContain('Disallow: /trpc/');
  });

  it('splits into an index of sitemaps past the limit of URLs per file', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      path: `/jobs/${i + 1}`,
      lastmod: new Date(Date.UTC(2026, 0, i + 1)),
    }));
    const index = sitemapFile(ORIGIN, entries, 'index', 2)!;
    expect(index).toContain('<sitemapindex');
    expect(index.match(/<sitemap>/g)).toHaveLength(3);
    expect(index).toContain(
      `<sitemap><loc>${ORIGIN}/sitemap-3.xml</loc><lastmod>2026-01-05T00:00:00.000Z</lastmod></sitemap>`,
    );
    expect(sitemapFile(ORIGIN, entries, 2, 2)).toContain(`<loc>${ORIGIN}/jobs/3</loc>`);
    expect(sitemapFile(ORIGIN, entries, 4, 2)).toBeNull();
    expect(sitemapFile(ORIGIN, entries, 'index', 50_000)).toContain('<urlset');
  });
});

describe('assets served like a CDN, from Node', () => {
  const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));
  const node = () => {
    const app = new Hono();
    for (const handler of nodeStaticAssets(webDir)) app.use('*', handler);
    return edgeLayer(async (request) => app.fetch(request));
  };

  it('serves hashed assets precompressed and immutable, the SPA shell no-cache with an ETag', async () => {
    const edge = node();
    const html = await (await edge.request('/signin')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await edge.request(script, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    const gzipped = await edge.request(script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toContain('import');

    const shell = await edge.request('/signin');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const etag = shell.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await edge.request('/signin', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('gzips text answers made at request time, but not streamed tRPC batches', async () => {
    const body = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, title: 'Nurse' })) });
    const edge = edgeLayer(async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    const plain = await edge.request('/trpc/jobs.search', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await plain.arrayBuffer())).toString()).toBe(body);
    const streamed = await edge.request('/trpc/jobs.search', {
      headers: { 'accept-encoding': 'gzip', 'trpc-accept': 'application/jsonl' },
    });
    expect(streamed.headers.get('content-encoding')).toBeNull();
  });
});
