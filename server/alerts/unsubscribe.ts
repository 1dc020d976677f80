/**
 * One-click unsubscribe (RFC 8058) from a digest: each digest carries its own random token, of
 * which only SHA-256 is stored. Using it deletes that alert, or turns off new-match emails; it
 * needs no session, and a GET never uses it (link scanners follow GETs).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { alertDigests, alertSettings, jobAlerts } from '../../db/schema.ts';

export const UNSUBSCRIBE_PATH = '/alerts/unsubscribe';

export const newUnsubscribeToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
export const hashUnsubscribeToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}${UNSUBSCRIBE_PATH}?token=${token}`;

/** A token is 52 base32 characters; anything else is not one of ours. */
export const looksLikeToken = (token: string | undefined): token is string => !!token && /^[a-z2-7]{52}$/.test(token);

export type UnsubscribeTarget = { kind: 'search'; query: string | null } | { kind: 'matches' };

/** What a token would unsubscribe from, for the confirm page; null when unknown. */
export async function describeUnsubscribe(db: Database, token: string): Promise<UnsubscribeTarget | null> {
  const [digest] = await db
    .select({ kind: alertDigests.kind, query: jobAlerts.query })
    .from(alertDigests)
    .leftJoin(jobAlerts, eq(jobAlerts.id, alertDigests.alertId))
    .where(eq(alertDigests.unsubscribeTokenHash, hashUnsubscribeToken(token)));
  if (!digest) return null;
  return digest.kind === 'matches' ? { kind: 'matches' } : { kind: 'search', query: digest.query };
}

/** Unsubscribes; true when the token was known (using it again is fine and still true). */
export async function unsubscribe(db: Database, token: string, now: Date): Promise<UnsubscribeTarget | null> {
  const [digest] = await db
    .select({ seekerId: alertDigests.jobSeekerId, kind: alertDigests.kind, alertId: alertDigests.alertId })
    .from(alertDigests)
    .where(eq(alertDigests.unsubscribeTokenHash, hashUnsubscribeToken(token)));
  if (!digest) return null;
  if (digest.kind === 'matches') {
    await db
      .insert(alertSettings)
      .values({ jobSeekerId: digest.seekerId, matchEmails: false, updatedAt: now })
      .onConflictDoUpdate({ target: alertSettings.jobSeekerId, set: { matchEmails: false, updatedAt: now } });
    return { kind: 'matches' };
  }
  if (digest.alertId === null) return { kind: 'search', query: null };
  const [deleted] = await db
    .delete(jobAlerts)
    .where(and(eq(jobAlerts.id, digest.alertId), eq(jobAlerts.jobSeekerId, digest.seekerId)))
    .returning({ query: jobAlerts.query });
  return { kind: 'search', query: deleted?.query ?? null };
}
