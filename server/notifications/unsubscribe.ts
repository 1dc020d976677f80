/**
 * One-click unsubscribe (RFC 8058). Each notification email carries its own random token (256
 * bits; only its SHA-256 is stored, with the person and the kind); a POST with it turns that
 * kind's email off, without a session. Tokens live 180 days, then the sweep deletes them.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { unsubscribeTokens } from '../../db/schema.ts';
import { KIND_INFO, type NotificationKind } from './kinds.ts';
import { setPreference } from './preferences.ts';

const DAY_MS = 24 * 60 * 60_000;
export const UNSUBSCRIBE_TOKEN_DAYS = 180;

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** The public URL of a one-click unsubscribe: the token in the query, where RFC 8058 puts it. */
export async function issueUnsubscribeUrl(
  tx: Queryable,
  userId: number,
  kind: NotificationKind,
  publicUrl: string,
  now: Date,
): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  await tx.insert(unsubscribeTokens).values({ userId, kind, tokenHash: hashToken(token), createdAt: now });
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe?token=${token}`;
}

async function findToken(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ userId: unsubscribeTokens.userId, kind: unsubscribeTokens.kind, createdAt: unsubscribeTokens.createdAt })
    .from(unsubscribeTokens)
    .where(eq(unsubscribeTokens.tokenHash, hashToken(token)));
  if (!row || row.createdAt.getTime() < now.getTime() - UNSUBSCRIBE_TOKEN_DAYS * DAY_MS) return null;
  return row;
}

/** What the confirm page names (the kind of email), or null for a link that is not valid. */
export async function describeUnsubscribe(db: Queryable, token: string, now: Date) {
  const row = await findToken(db, token, now);
  return row ? { kind: row.kind, label: KIND_INFO[row.kind].label } : null;
}

/** Turns the token's kind of email off for its person; the in-app notifications stay as they were. */
export async function unsubscribe(db: Queryable, token: string, now: Date) {
  const row = await findToken(db, token, now);
  if (!row) return null;
  await setPreference(db, row.userId, { kind: row.kind, email: false }, now);
  return { kind: row.kind, label: KIND_INFO[row.kind].label };
}

export async function purgeOldUnsubscribeTokens(db: Queryable, now: Date): Promise<number> {
  const rows = await db
    .delete(unsubscribeTokens)
    .where(lt(unsubscribeTokens.createdAt, new Date(now.getTime() - UNSUBSCRIBE_TOKEN_DAYS * DAY_MS)))
    .returning({ id: unsubscribeTokens.id });
  return rows.length;
}
