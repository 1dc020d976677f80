/**
 * The development mailbox (as Mailpit or letter_opener do): with no transport configured and
 * APP_ENV=development, a message is "delivered" by staying in the outbox, readable at /dev/mail
 * from loopback only. The log says a message waits there, never its links or tokens.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { outboxMessages } from '../../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { MailTransport } from './transport.ts';

export const DEV_MAILBOX = 'dev-mailbox';

export function createDevMailboxTransport(logger: Logger, publicUrl: string): MailTransport {
  return {
    name: DEV_MAILBOX,
    async send(mail) {
      logger.info('mail waiting in the development mailbox', {
        kind: mail.kind,
        messageId: mail.messageId,
        open: `${publicUrl}/dev/mail`,
      });
      return { providerId: null };
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopback = (ip: string | null) => ip !== null && (LOOPBACK.has(ip) || ip.startsWith('127.'));

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:24px auto;padding:0 16px;color:#1c1917}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e7e5e4}pre{white-space:pre-wrap;background:#f5f5f4;padding:12px;border-radius:6px}</style></head>` +
  `<body>${body}</body></html>`;

/** The list, newest first. */
export async function renderMailbox(db: Database): Promise<string> {
  const rows = await db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      kind: outboxMessages.kind,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.transport, DEV_MAILBOX))
    .orderBy(desc(outboxMessages.id))
    .limit(200);
  const items = rows
    .map(
      (r) =>
        `<tr><td>${r.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</td><td>${escapeHtml(r.to)}</td><td><a href="/dev/mail/${r.id}">${escapeHtml(r.subject)}</a></td><td>${escapeHtml(r.kind)}</td></tr>`,
    )
    .join('');
  return page(
    'Development mailbox',
    `<h1>Development mailbox</h1><p>No mail transport is configured (SMTP_URL or MAIL_API), so the messages stay here. Only this machine can read this page.</p>` +
      (rows.length
        ? `<table><thead><tr><th>when (UTC)</th><th>to</th><th>subject</th><th>kind</th></tr></thead><tbody>${items}</tbody></table>`
        : '<p>No messages yet.</p>'),
  );
}

async function findMessage(db: Database, id: number) {
  const [row] = await db
    .select({
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      text: outboxMessages.textBody,
      html: outboxMessages.htmlBody,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.transport, DEV_MAILBOX)));
  return row ?? null;
}

/** One message: its headers, its plain-text part, and a link to its HTML part. */
export async function renderMailboxMessage(db: Database, id: number): Promise<string | null> {
  const row = await findMessage(db, id);
  if (!row) return null;
  return page(
    row.subject,
    `<p><a href="/dev/mail">← all messages</a></p><h1>${escapeHtml(row.subject)}</h1><p>To: ${escapeHtml(row.to)}<br>Queued: ${row.createdAt.toISOString()}</p>` +
      `<p><a href="/dev/mail/${id}/html">Open the HTML part</a></p><h2>Plain text</h2><pre>${escapeHtml(row.text)}</pre>`,
  );
}

export async function mailboxMessageHtml(db: Database, id: number): Promise<string | null> {
  return (await findMessage(db, id))?.html ?? null;
}
