/**
 * The token of an email link travels in the URL fragment (#token=...), which browsers never send
 * to a server: no request log, proxy or Referer sees it. Read once, then wiped from the address
 * bar and history.
 */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return token;
}
