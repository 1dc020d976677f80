/**
 * Single-use account tokens sent by email (verification, password reset, email change): 256
 * random bits, only their SHA-256 stored, consumed by one UPDATE ... WHERE used_at IS NULL so two
 * clicks at once use it once.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { accountTokens, type AccountTokenPurpose } from '../../db/schema.ts';

const HOUR_MS = 60 * 60_000;
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 7 * 24 * HOUR_MS,
  password_reset: HOUR_MS,
  email_change: 24 * HOUR_MS,
};

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function issueToken(
  tx: Queryable,
  input: { userId: number; purpose: AccountTokenPurpose; newEmail?: string },
  now: Date,
): Promise<{ id: number; token: string }> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  const [row] = await tx
    .insert(accountTokens)
    .values({
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      newEmail: input.newEmail ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
    })
    .returning({ id: accountTokens.id });
  if (!row) throw new Error('insert into account_tokens returned no row');
  return { id: row.id, token };
}

/** Uses a token once: its user (and new address) if it is valid, unused and unexpired, else null. */
export async function consumeToken(
  tx: Queryable,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ userId: number; newEmail: string | null } | null> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, newEmail: accountTokens.newEmail });
  return row ?? null;
}

/** Ends a user's other open tokens of a purpose (a reset used, a newer change asked for). */
export async function revokeTokens(
  tx: Queryable,
  userId: number,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

/** Retention: tokens used or expired more than 7 days ago are deleted by the sweep. */
export async function purgeOldTokens(db: Queryable, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 7 * 24 * HOUR_MS);
  const rows = await db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, before), lt(accountTokens.usedAt, before)))
    .returning({ id: accountTokens.id });
  return rows.length;
}
