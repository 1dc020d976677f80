/** The paths the server renders as HTML (the worker runs first for them: wrangler.toml run_worker_first). */
const PAGE_PATHS = [/^\/$/, /^\/jobs$/, /^\/jobs\/[^/]+$/, /^\/companies\/[^/]+$/];
const SEO_FILES = /^\/(robots\.txt|sitemap(-\d+)?\.xml)$/;

export const isPublicPage = (pathname: string) => PAGE_PATHS.some((p) => p.test(pathname));
export const isSeoFile = (pathname: string) => SEO_FILES.test(pathname);
