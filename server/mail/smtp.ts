/**
 * SMTP through nodemailer, configured by SMTP_URL (smtp:// or smtps://user:pass@host:port).
 * Node only: the worker bundles resend.ts instead. Mailbox refusals (550-554) are final, the rest retried.
 */
import nodemailer from 'nodemailer';
import { PermanentMailError, type MailTransport, unsubscribeHeaders } from './transport.ts';

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A server that hangs must not hold a drainer: these fail the attempt, and the outbox retries.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const domain = url.hostname || 'localhost';
  return {
    name: 'smtp',
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          // Stable across retries, so a receiving system can drop a duplicate.
          messageId: `<${mail.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${domain}>`,
          // RFC 8058 one-click unsubscribe, on notification emails.
          headers: unsubscribeHeaders(mail),
          // An interview invitation: nodemailer writes it as the text/calendar alternative calendar clients read.
          ...(mail.calendar
            ? { icalEvent: { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.content } }
            : {}),
        });
        return { providerId: info.messageId ?? null };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        const reason = `SMTP ${typeof code === 'number' ? `answered ${code}` : 'failed'}: ${error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : String(error)}`;
        // 550-554: this mailbox or message is refused for good; anything else (auth, 4xx, network) may pass later.
        if (typeof code === 'number' && code >= 550 && code <= 554) throw new PermanentMailError(reason);
        throw new Error(reason);
      }
    },
  };
}
