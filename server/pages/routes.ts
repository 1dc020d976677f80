/**
 * The public pages rendered on the server (decision 0012): `/`, `/jobs`, `/jobs/:id`,
 * `/companies/:id`, with the sitemap and robots.txt. Their data comes from the app's own public
 * procedures (the same answers the browser would ask for), then embedded for hydration.
 */
import { Hono, type Context } from 'hono';
import {
  companyKey,
  jobKey,
  LATEST_JOBS_INPUT,
  latestJobsKey,
  recordIdOf,
  type SearchParams,
  type SeededQueries,
  searchInputOf,
  searchKey,
  type UnavailableJob,
  unavailableJobKey,
} from '../../web/src/lib/public-queries.ts';
import type { RouterOutputs } from '../../web/src/lib/trpc.ts';
import { PAGE_CACHE_CONTROL, type PageDeps } from './deps.ts';
import { pageDocument, type PageHead, summary } from './document.ts';
import { jobAvailability } from './availability.ts';
import { etagMatches, etagOf } from './etag.ts';
import type { PageRenderer } from './renderer.ts';
import { robotsTxt, sitemapRoutes } from './sitemap.ts';

/** The app itself, asked for its public procedures' answers. */
export interface InnerFetch {
  fetch(request: Request, env?: unknown, executionCtx?: never): Response | Promise<Response>;
}

type ProcedureResult<T> = { ok: true; data: T } | { ok: false; code: string };

const SIMILAR_JOBS = 5;

export function pageRoutes(deps: PageDeps, renderer: PageRenderer, app: InnerFetch): Hono {
  const pages = new Hono();
  const origin = deps.config.publicUrl;

  /** A public procedure's answer, through the app (its validation, its cache headers, its errors). */
  async function call<T>(c: Context, procedure: string, input: unknown): Promise<ProcedureResult<T>> {
    const url = new URL(`/trpc/${procedure}`, c.req.url);
    url.searchParams.set('input', JSON.stringify(input));
    const response = await app.fetch(new Request(url), c.env, executionContextOf(c));
    const body = (await response.json()) as { result?: { data: T }; error?: { data?: { code?: string } } };
    if (body.result) return { ok: true, data: body.result.data };
    return { ok: false, code: body.error?.data?.code ?? 'INTERNAL_SERVER_ERROR' };
  }

  async function respond(c: Context, status: 200 | 404 | 410, head: PageHead, seeded: SeededQueries) {
    // Rendered for anyone (the page is public and cached); who is signed in is asked by the browser.
    const state: SeededQueries = [[['auth', 'me'], null], ...seeded];
    const url = new URL(c.req.url);
    const html = pageDocument(
      renderer.documentTemplate,
      head,
      await renderer.renderApp(url.pathname + url.search, state),
      state,
    );
    return htmlResponse(c, html, status);
  }

  pages.get('/', async (c) => {
    const latest = await call<RouterOutputs['jobs']['search']>(c, 'jobs.search', LATEST_JOBS_INPUT);
    return respond(
      c,
      200,
      {
        title: 'Fitwork: jobs that fit',
        description: 'Find the jobs that fit you, and the people who fit your jobs.',
        canonical: `${origin}/`,
      },
      latest.ok ? [[latestJobsKey(), latest.data]] : [],
    );
  });

  pages.get('/jobs', async (c) => {
    const params = c.req.query() as SearchParams;
    const input = searchInputOf(params);
    const results = await call<RouterOutputs['jobs']['search']>(c, 'jobs.search', input);
    const q = (input.q ?? '').trim();
    const canonical = q ? `${origin}/jobs?q=${encodeURIComponent(q)}` : `${origin}/jobs`;
    const total = results.ok ? results.data.total : 0;
    return respond(
      c,
      200,
      {
        title: q ? `${q} jobs | Fitwork` : 'Jobs | Fitwork',
        description: q
          ? `${total} open job${total === 1 ? '' : 's'} for "${q}" on Fitwork, each with its salary, place and skills.`
          : 'Browse the open jobs on Fitwork by title, skill, company, place and salary.',
        canonical,
        // A search with filters is a view of /jobs?q=…, not a page of its own.
        noindex: Object.keys(params).some((k) => k !== 'q'),
      },
      results.ok ? [[searchKey(input), { pages: [results.data], pageParams: [null] }]] : [],
    );
  });

  pages.get('/jobs/:id', async (c) => {
    const id = recordIdOf(c.req.param('id'));
    const job = id === null ? null : await call<RouterOutputs['jobs']['get']>(c, 'jobs.get', { id });
    if (id !== null && job?.ok) {
      const data = job.data;
      return respond(
        c,
        200,
        {
          title: `${data.title} at ${data.employer.companyName} | Fitwork`,
          description: summary(
            `${data.employer.companyName}${data.location ? `, ${data.location}` : ''}: ${data.description}`,
          ),
          canonical: `${origin}/jobs/${data.id}`,
          jsonLd: [data.jsonLd as Record<string, unknown>],
          ogType: 'article',
        },
        [[jobKey(id), data]],
      );
    }
    const closed = id === null ? null : await closedJob(c, id);
    const unavailable: UnavailableJob = closed
      ? { reason: 'closed', title: closed.title, similar: await similarJobs(c, id!, closed.title) }
      : { reason: 'missing', title: null, similar: [] };
    return respond(
      c,
      closed ? 410 : 404,
      {
        title: closed ? `Closed: ${closed.title} | Fitwork` : 'Job not found | Fitwork',
        description: closed
          ? `${closed.title} no longer takes applications. See similar open jobs.`
          : 'There is no job at this address.',
        canonical: `${origin}${c.req.path}`,
        noindex: true,
      },
      [[unavailableJobKey(id), unavailable]],
    );
  });

  pages.get('/companies/:id', async (c) => {
    const id = recordIdOf(c.req.param('id'));
    const company = id === null ? null : await call<RouterOutputs['companies']['get']>(c, 'companies.get', { id });
    if (id === null || !company?.ok)
      return respond(
        c,
        404,
        {
          title: 'Company not found | Fitwork',
          description: 'There is no company at this address.',
          canonical: `${origin}${c.req.path}`,
          noindex: true,
        },
        [],
      );
    const data = company.data;
    const open = data.jobs.length;
    return respond(
      c,
      200,
      {
        title: `Jobs at ${data.companyName} | Fitwork`,
        description: `${data.companyName}${data.industry ? `, ${data.industry}` : ''}: ${open} open job${open === 1 ? '' : 's'} on Fitwork.`,
        canonical: `${origin}/companies/${data.id}`,
        jsonLd: [
          {
            '@context': 'https://schema.org/',
            '@type': 'Organization',
            name: data.companyName,
            ...(data.website ? { url: data.website } : {}),
          },
        ],
      },
      [[companyKey(id), data]],
    );
  });

  /** A job that was public and is no longer (closed, or expired): its title, else null. */
  async function closedJob(c: Context, id: number) {
    const opened = await deps.openDatabase(c);
    try {
      return await jobAvailability(opened.db, id, deps.clock());
    } finally {
      deps.runAfterResponse(c, () => opened.release());
    }
  }

  async function similarJobs(c: Context, id: number, title: string) {
    const hits = await call<RouterOutputs['jobs']['search']>(c, 'jobs.search', { q: title, limit: SIMILAR_JOBS + 1 });
    return hits.ok ? hits.data.items.filter((hit) => hit.id !== id).slice(0, SIMILAR_JOBS) : [];
  }

  pages.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text(robotsTxt(origin));
  });
  pages.route('/', sitemapRoutes(deps));

  return pages;
}

/** The worker's execution context (for work after the response); Node has none. */
function executionContextOf(c: Context): never | undefined {
  try {
    return c.executionCtx as never;
  } catch {
    return undefined;
  }
}

/**
 * HTML answers: cacheable at the edge for a minute like the public reads (browsers revalidate
 * every time: max-age=0), with an ETag so a revalidation costs a 304.
 */
export async function htmlResponse(c: Context, html: string, status: 200 | 404 | 410) {
  const etag = await etagOf(html);
  c.header('Cache-Control', PAGE_CACHE_CONTROL);
  c.header('ETag', etag);
  c.header('Vary', 'Accept-Encoding');
  if (status === 200 && etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.html(html, status);
}
