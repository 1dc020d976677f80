/**
 * CSRF for cookie-authenticated calls. SameSite=Lax already keeps the cookie off cross-site
 * POSTs in current browsers; this is the second lock (older browsers, same-site subdomains).
 * hono's csrf() only covers form content types, and tRPC posts JSON, hence our own check.
 * A request that changes state and carries the cookie must prove it is same-origin: by
 * Sec-Fetch-Site when the browser sends it, else by an Origin equal to ours.
 */
export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && origin === new URL(request.url).origin;
}

export function needsCsrfCheck(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
