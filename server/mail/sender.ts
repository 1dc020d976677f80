/**
 * Delivering the outbox. A drainer claims due messages with one UPDATE ... WHERE id IN (SELECT
 * ... FOR UPDATE SKIP LOCKED) RETURNING, so two drainers (the sweep and an after-response drain,
 * or two isolates) never take the same row; a claim is a lease, so a drainer that dies mid-send
 * leaves its rows to the next one. Failures back off exponentially; after MAX_ATTEMPTS, or a
 * refusal that retrying cannot fix, the message is dead with its reason kept.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { mailDeliveries, outboxMessages } from '../../db/schema.ts';
import { errorSummary, type Logger } from '../logger.ts';
import { rowsOf } from '../sql-helpers.ts';
import { PermanentMailError, type MailTransport } from './transport.ts';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
/** Longer than any transport's own timeout: the claim outlives an honest attempt. */
const LEASE_MS = 2 * 60_000;
const SEND_TIMEOUT_MS = 60_000;

/** 1, 2, 4, ... minutes after the attempt that failed, at most 6 hours; 8 attempts span about 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export interface MailSender {
  transport: MailTransport;
  from: string;
  logger: Logger;
}

export interface DrainResult {
  sent: number;
  retrying: number;
  dead: number;
}

interface Claimed {
  id: number;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  idempotency_key: string;
  unsubscribe_url: string | null;
  ical_method: 'REQUEST' | 'CANCEL' | null;
  ical_content: string | null;
  attempts: number;
}

async function claim(db: Database, now: Date, limit: number): Promise<Claimed[]> {
  const nowText = now.toISOString();
  const leaseEnd = new Date(now.getTime() + LEASE_MS).toISOString();
  const result = await db.execute(sql`
    update outbox_messages set status = 'sending', attempts = attempts + 1, locked_until = ${leaseEnd}::timestamptz
    where id in (
      select id from outbox_messages
      where (status = 'pending' and next_attempt_at <= ${nowText}::timestamptz)
         or (status = 'sending' and locked_until < ${nowText}::timestamptz)
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, to_address, subject, text_body, html_body, idempotency_key, unsubscribe_url, ical_method, ical_content, attempts`);
  return rowsOf<Claimed>(result);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the transport did not answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function deliverOne(
  db: Database,
  sender: MailSender,
  message: Claimed,
  now: () => Date,
): Promise<keyof DrainResult> {
  const transport = sender.transport.name;
  try {
    const { providerId } = await withTimeout(
      sender.transport.send({
        messageId: message.id,
        kind: message.kind,
        from: sender.from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        idempotencyKey: message.idempotency_key,
        unsubscribeUrl: message.unsubscribe_url,
        calendar:
          message.ical_method && message.ical_content
            ? { method: message.ical_method, content: message.ical_content }
            : null,
      }),
      SEND_TIMEOUT_MS,
    );
    const at = now();
    await db.transaction(async (tx) => {
      await tx
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: at, transport, lockedUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'sending')));
      await tx.insert(mailDeliveries).values({
        messageId: message.id,
        attempt: message.attempts,
        transport,
        outcome: 'sent',
        detail: providerId,
        at,
      });
    });
    return 'sent';
  } catch (error) {
    const at = now();
    const reason = errorSummary(error);
    const dead = error instanceof PermanentMailError || message.attempts >= MAX_ATTEMPTS;
    await db.transaction(async (tx) => {
      await tx
        .update(outboxMessages)
        .set(
          dead
            ? { status: 'dead', lastError: reason, transport, lockedUntil: null }
            : {
                status: 'pending',
                lastError: reason,
                transport,
                lockedUntil: null,
                nextAttemptAt: new Date(at.getTime() + retryDelayMs(message.attempts)),
              },
        )
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'sending')));
      await tx.insert(mailDeliveries).values({
        messageId: message.id,
        attempt: message.attempts,
        transport,
        outcome: dead ? 'dead' : 'failed',
        detail: reason,
        at,
      });
    });
    sender.logger.info(dead ? 'mail dead' : 'mail delivery failed, will retry', {
      messageId: message.id,
      kind: message.kind,
      attempt: message.attempts,
      transport,
      reason,
    });
    return dead ? 'dead' : 'retrying';
  }
}

/** Sends what is due, a batch at a time, until nothing is due or `maxBatches` were taken. */
export async function drainOutbox(
  db: Database,
  sender: MailSender,
  now: () => Date,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<DrainResult> {
  const batchSize = options.batchSize ?? 20;
  const result: DrainResult = { sent: 0, retrying: 0, dead: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const claimed = await claim(db, now(), batchSize);
    for (const message of claimed) result[await deliverOne(db, sender, message, now)]++;
    if (claimed.length < batchSize) break;
  }
  return result;
}

/** An admin puts a dead message back in the queue (after fixing the transport): it starts over. */
export async function requeueMessage(db: Database, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
