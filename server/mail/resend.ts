/**
 * Resend's HTTP API (resend.com/docs/api-reference/emails/send-email): works from Workers and
 * Node alike, as it needs only fetch. 429 and 5xx are retried by the outbox; other 4xx are final.
 */
import { PermanentMailError, type MailTransport, unsubscribeHeaders } from './transport.ts';

const RESEND_API_URL = 'https://api.resend.com';
const TIMEOUT_MS = 15_000;

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function createResendTransport(options: {
  apiKey: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): MailTransport {
  const baseUrl = (options.baseUrl ?? RESEND_API_URL).replace(/\/+$/, '');
  const send = options.fetch ?? fetch;
  return {
    name: 'resend',
    async send(mail) {
      const response = await send(`${baseUrl}/emails`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          // Resend keeps the key 24 hours: a retry after a lost answer is not a second email.
          'idempotency-key': mail.idempotencyKey.slice(0, 256),
        },
        body: JSON.stringify({
          from: mail.from,
          to: [mail.to],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          ...(mail.unsubscribeUrl ? { headers: unsubscribeHeaders(mail) } : {}),
          // Resend takes attachments as base64 content with a content type (its API reference, "attachments").
          ...(mail.calendar
            ? {
                attachments: [
                  {
                    filename: 'invite.ics',
                    content: base64Utf8(mail.calendar.content),
                    content_type: `text/calendar; charset=utf-8; method=${mail.calendar.method}`,
                  },
                ],
              }
            : {}),
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => null)) as {
        id?: unknown;
        message?: unknown;
        name?: unknown;
      } | null;
      if (response.ok) return { providerId: typeof body?.id === 'string' ? body.id : null };
      const reason = `Resend answered ${response.status}${typeof body?.name === 'string' ? ` (${body.name})` : ''}`;
      if (response.status === 429 || response.status >= 500) throw new Error(reason);
      throw new PermanentMailError(reason);
    },
  };
}
