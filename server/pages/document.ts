/** The HTML document of a server-rendered page: the built index.html with the page, its head and its data. */
import { type SeededQueries, STATE_ELEMENT_ID } from '../../web/src/lib/public-queries.ts';

export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL (from PUBLIC_URL). */
  canonical: string;
  /** schema.org JSON-LD, one script each. */
  jsonLd?: Record<string, unknown>[];
  ogType?: 'website' | 'article';
  noindex?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** JSON inside a <script> element: `<` escaped, so no "</script>" or "<!--" in the data can end it. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A description for a meta tag: one line, at most about 160 characters, cut at a word. */
export function summary(text: string, max = 160) {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function headTags(head: PageHead) {
  const title = escapeHtml(head.title);
  const description = escapeHtml(head.description);
  const canonical = escapeHtml(head.canonical);
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${canonical}" />`,
    ...(head.noindex ? ['<meta name="robots" content="noindex" />'] : []),
    '<meta property="og:site_name" content="Fitwork" />',
    `<meta property="og:type" content="${head.ogType ?? 'website'}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${canonical}" />`,
    '<meta name="twitter:card" content="summary" />',
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
    ...(head.jsonLd ?? []).map((ld) => `<script type="application/ld+json" data-server>${scriptJson(ld)}</script>`),
  ].join('\n    ');
}

/**
 * The page in the template: its own head instead of the template's title and description, the
 * rendered app in #root, and the answers it was rendered from as JSON (not script: the CSP
 * allows no inline script; main.tsx reads it).
 */
export function pageDocument(template: string, head: PageHead, appHtml: string, seeded: SeededQueries) {
  const state = `<script type="application/json" id="${STATE_ELEMENT_ID}">${scriptJson(seeded)}</script>`;
  return template
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', `  ${headTags(head)}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${appHtml}</div>\n    ${state}`);
}
