/**
 * The pages of /unsubscribe, rendered by the server so they work from any mail client, with or
 * without JavaScript: the confirm page (a GET never unsubscribes: link scanners open links), the
 * done page, and the page for a link that is not valid.
 */
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Fitwork</title></head>` +
    `<body style="margin:0;padding:24px 16px;background:#f5f5f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1917;line-height:1.5">` +
    `<main style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">` +
    `<p style="margin:0 0 16px;font-weight:700;font-size:18px"><a href="/" style="color:inherit;text-decoration:none">Fitwork</a></p>` +
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

const settingsLink =
  '<p style="margin:24px 0 0">Every kind of notification can be turned on or off in your <a href="/account#notifications" style="color:#1d4ed8">account settings</a>.</p>';

export function confirmPage(label: string, token: string): string {
  return page(
    'Stop these emails?',
    `<p>You will no longer get emails about: <strong>${escapeHtml(label)}</strong>. Notifications in Fitwork itself stay as they are.</p>` +
      `<form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit" style="background:#1d4ed8;color:#ffffff;border:0;padding:12px 20px;border-radius:6px;font-weight:600;font-size:16px;cursor:pointer">Unsubscribe</button>` +
      `</form>${settingsLink}`,
  );
}

export function donePage(label: string): string {
  return page(
    'You are unsubscribed',
    `<p role="status">You will no longer get emails about: <strong>${escapeHtml(label)}</strong>.</p>${settingsLink}`,
  );
}

export function invalidPage(): string {
  return page(
    'This link is not valid',
    `<p>This unsubscribe link is not valid any more: it expired, or it was copied incompletely.</p>${settingsLink}`,
  );
}
