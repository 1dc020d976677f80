/**
 * sitemap.xml and robots.txt. One sitemap holds at most 50,000 URLs (sitemaps.org); past that,
 * /sitemap.xml is an index of /sitemap-1.xml, /sitemap-2.xml, ...
 */
import { asc, max } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { Queryable } from '../../db/database.ts';
import { jobs } from '../../db/schema.ts';
import type { PageDeps } from './deps.ts';
import { visibleToSeekers } from '../jobs/service.ts';
import { escapeHtml } from './document.ts';

export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  path: string;
  lastmod: Date | null;
}

/** Every public page: the start page, the job list, each open job and each company with one. */
export async function sitemapEntries(db: Queryable, now: Date): Promise<SitemapEntry[]> {
  const open = await db
    .select({ id: jobs.id, employerId: jobs.employerId, updatedAt: jobs.updatedAt })
    .from(jobs)
    .where(visibleToSeekers(now))
    .orderBy(asc(jobs.id));
  const companies = await db
    .select({ id: jobs.employerId, lastmod: max(jobs.updatedAt) })
    .from(jobs)
    .where(visibleToSeekers(now))
    .groupBy(jobs.employerId)
    .orderBy(asc(jobs.employerId));
  const newest = open.reduce<Date | null>((a, j) => (j.updatedAt && (!a || j.updatedAt > a) ? j.updatedAt : a), null);
  return [
    { path: '/', lastmod: newest },
    { path: '/jobs', lastmod: newest },
    ...open.map((j) => ({ path: `/jobs/${j.id}`, lastmod: j.updatedAt })),
    ...companies.map((co) => ({ path: `/companies/${co.id}`, lastmod: co.lastmod ? new Date(co.lastmod) : null })),
  ];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const lastmodTag = (d: Date | null) => (d ? `<lastmod>${d.toISOString()}</lastmod>` : '');

export function urlset(origin: string, entries: SitemapEntry[]) {
  const urls = entries.map((e) => `<url><loc>${escapeHtml(origin + e.path)}</loc>${lastmodTag(e.lastmod)}</url>`);
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(origin: string, parts: SitemapEntry[][]) {
  const items = parts.map((part, i) => {
    const newest = part.reduce<Date | null>((a, e) => (e.lastmod && (!a || e.lastmod > a) ? e.lastmod : a), null);
    return `<sitemap><loc>${escapeHtml(`${origin}/sitemap-${i + 1}.xml`)}</loc>${lastmodTag(newest)}</sitemap>`;
  });
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** /sitemap.xml (the URLs, or an index past `maxUrls`) and /sitemap-N.xml; null for a part that does not exist. */
export function sitemapFile(
  origin: string,
  entries: SitemapEntry[],
  file: 'index' | number,
  maxUrls = SITEMAP_MAX_URLS,
) {
  if (file === 'index')
    return entries.length <= maxUrls
      ? urlset(origin, entries)
      : sitemapIndex(
          origin,
          Array.from({ length: Math.ceil(entries.length / maxUrls) }, (_, i) =>
            entries.slice(i * maxUrls, (i + 1) * maxUrls),
          ),
        );
  const part = entries.slice((file - 1) * maxUrls, file * maxUrls);
  return file >= 1 && part.length > 0 && entries.length > maxUrls ? urlset(origin, part) : null;
}

export function robotsTxt(origin: string) {
  return `User-agent: *\nAllow: /\nDisallow: /trpc/\nDisallow: /me/\nDisallow: /employer/\nDisallow: /admin/\nDisallow: /account\n\nSitemap: ${origin}/sitemap.xml\n`;
}

export function sitemapRoutes(deps: PageDeps, maxUrls = SITEMAP_MAX_URLS) {
  const routes = new Hono();
  const serve = async (c: Context, file: 'index' | number) => {
    const opened = await deps.openDatabase(c);
    let entries: SitemapEntry[];
    try {
      entries = await sitemapEntries(opened.db, deps.clock());
    } finally {
      deps.runAfterResponse(c, () => opened.release());
    }
    const xml = sitemapFile(deps.config.publicUrl, entries, file, maxUrls);
    if (xml === null) return c.text('There is no such sitemap.', 404);
    c.header('Cache-Control', 'public, max-age=0, s-maxage=3600');
    c.header('Content-Type', 'application/xml; charset=utf-8');
    return c.body(xml);
  };
  routes.get('/sitemap.xml', (c) => serve(c, 'index'));
  routes.get('/:file{sitemap-[1-9][0-9]{0,5}\\.xml}', (c) => serve(c, Number(c.req.param('file').replace(/\D/g, ''))));
  return routes;
}
