/** A person's mail in their export and their erasure: the outbox rows and the email-link tokens. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { accountTokens, outboxMessages } from '../../db/schema.ts';

/** The messages without their bodies (which may hold a link still valid) and the links' dates, never a token. */
export async function exportMail(db: Queryable, userId: number) {
  const emails = await db
    .select({
      kind: outboxMessages.kind,
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipientUserId, userId));
  const emailLinks = await db
    .select({
      purpose: accountTokens.purpose,
      newEmail: accountTokens.newEmail,
      createdAt: accountTokens.createdAt,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
    })
    .from(accountTokens)
    .where(eq(accountTokens.userId, userId));
  return {
    emails: emails.map((e) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      sentAt: e.sentAt?.toISOString() ?? null,
    })),
    emailLinks: emailLinks.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      usedAt: t.usedAt?.toISOString() ?? null,
    })),
  };
}

export async function eraseMail(tx: Queryable, userId: number): Promise<void> {
  // The delivery log goes with its messages (on delete cascade).
  await tx.delete(outboxMessages).where(eq(outboxMessages.recipientUserId, userId));
  await tx.delete(accountTokens).where(eq(accountTokens.userId, userId));
}
