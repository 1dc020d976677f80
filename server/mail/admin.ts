/** What admins read about mail: the outbox without bodies (they hold links), and the delivery log. */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { mailDeliveries, outboxMessages, type OutboxStatus } from '../../db/schema.ts';

export async function listOutbox(db: Database, input: { status?: OutboxStatus; limit: number }) {
  const rows = await db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      recipientUserId: outboxMessages.recipientUserId,
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      nextAttemptAt: outboxMessages.nextAttemptAt,
      lastError: outboxMessages.lastError,
      transport: outboxMessages.transport,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(input.status ? eq(outboxMessages.status, input.status) : undefined)
    .orderBy(desc(outboxMessages.id))
    .limit(input.limit);
  return rows.map((r) => ({
    ...r,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

export async function listDeliveries(db: Database, input: { messageId?: number; limit: number }) {
  const rows = await db
    .select({
      id: mailDeliveries.id,
      messageId: mailDeliveries.messageId,
      kind: outboxMessages.kind,
      attempt: mailDeliveries.attempt,
      transport: mailDeliveries.transport,
      outcome: mailDeliveries.outcome,
      detail: mailDeliveries.detail,
      at: mailDeliveries.at,
    })
    .from(mailDeliveries)
    .innerJoin(outboxMessages, eq(outboxMessages.id, mailDeliveries.messageId))
    .where(input.messageId ? eq(mailDeliveries.messageId, input.messageId) : undefined)
    .orderBy(desc(mailDeliveries.id))
    .limit(input.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
