/**
 * Which transport delivers the outbox: Resend's API when MAIL_API=resend, SMTP when SMTP_URL is
 * set (Node only: the entry passes the factory), else the development mailbox in development
 * and tests, and none in production (messages wait, nothing is lost, the start log says so).
 */
import type { AppConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createDevMailboxTransport } from './dev-mailbox.ts';
import { createResendTransport } from './resend.ts';
import type { MailSender } from './sender.ts';
import type { MailTransport } from './transport.ts';

export type MailConfig = Pick<
  AppConfig,
  'env' | 'smtpUrl' | 'mailFrom' | 'mailApi' | 'mailApiKey' | 'mailApiUrl' | 'publicUrl'
>;

export function hasRealTransport(config: MailConfig): boolean {
  return config.smtpUrl !== undefined || config.mailApi !== undefined;
}

/** The development mailbox exists only in development, with no transport configured. */
export function devMailboxEnabled(config: MailConfig): boolean {
  return config.env === 'development' && !hasRealTransport(config);
}

export function createMailSender(
  config: MailConfig,
  logger: Logger,
  smtp?: (url: string) => MailTransport,
): MailSender | null {
  const from = config.mailFrom ?? 'Fitwork <no-reply@localhost>';
  let transport: MailTransport | null = null;
  if (config.mailApi === 'resend' && config.mailApiKey)
    transport = createResendTransport({ apiKey: config.mailApiKey, baseUrl: config.mailApiUrl });
  else if (config.smtpUrl) {
    if (!smtp)
      throw new Error(
        'SMTP_URL is set, but SMTP is available only under Node: in the worker, set MAIL_API=resend and MAIL_API_KEY.',
      );
    transport = smtp(config.smtpUrl);
  } else if (config.env !== 'production') transport = createDevMailboxTransport(logger, config.publicUrl);
  return transport ? { transport, from, logger } : null;
}
