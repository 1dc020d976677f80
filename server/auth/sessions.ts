/**
 * Sessions after Lucia's current design (lucia-auth.com, "Basic API"): the `lucia` package is
 * deprecated, so this is the small implementation it teaches, over @oslojs.
 *
 * A token is `id.secret`. The id (120 bits) finds the row; the secret (256 bits) proves
 * possession. Only SHA-256 of the secret is stored, so a leaked sessions table signs nobody
 * in, and the hashes are compared in constant time so timing does not reveal a prefix.
 */
import { and, eq, ne } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase, decodeHex } from '@oslojs/encoding';
import type { Queryable } from '../../db/database.ts';
import { sessions, users, type UserType } from '../../db/schema.ts';
import { forgetCachedSession, forgetCachedUser, type SessionCache } from './session-cache.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A session unused this long ends. */
export const SESSION_INACTIVITY_TIMEOUT_MS = 10 * DAY_MS;
/** last_verified_at is written at most this often, so reads stay reads. */
const SESSION_ACTIVITY_CHECK_INTERVAL_MS = HOUR_MS;
/** However active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;

export interface SessionUser {
  id: number;
  email: string;
  userType: UserType;
}

export interface ValidSession {
  id: string;
  userId: number;
  createdAt: Date;
  lastVerifiedAt: Date;
  /** When the session ends if unused (sliding), capped by the absolute lifetime. */
  expiresAt: Date;
}

function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

function expiryOf(createdAt: Date, lastVerifiedAt: Date): Date {
  return new Date(
    Math.min(
      lastVerifiedAt.getTime() + SESSION_INACTIVITY_TIMEOUT_MS,
      createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS,
    ),
  );
}

export async function createSession(
  db: Queryable,
  userId: number,
  now: Date,
): Promise<{ token: string; session: ValidSession }> {
  const id = randomToken(15);
  const secret = randomToken(32);
  await db.insert(sessions).values({
    id,
    secretHash: encodeHexLowerCase(hashSecret(secret)),
    userId,
    createdAt: now,
    lastVerifiedAt: now,
  });
  await db.update(users).set({ lastActiveAt: now }).where(eq(users.id, userId));
  return {
    token: `${id}.${secret}`,
    session: { id, userId, createdAt: now, lastVerifiedAt: now, expiresAt: expiryOf(now, now) },
  };
}

export interface ValidatedSession {
  session: ValidSession;
  user: SessionUser;
  /** True when the expiry slid forward: the cookie should be sent again with the new lifetime. */
  refreshed: boolean;
}

export async function validateSessionToken(
  db: Queryable,
  token: string,
  now: Date,
  cache?: SessionCache,
): Promise<ValidatedSession | null> {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0 || id.length > 64) return null;

  let row = cache?.get(id, now);
  if (!row) {
    [row] = await db
      .select({
        id: sessions.id,
        secretHash: sessions.secretHash,
        createdAt: sessions.createdAt,
        lastVerifiedAt: sessions.lastVerifiedAt,
        userId: users.id,
        email: users.email,
        userType: users.userType,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .limit(1);
    if (!row) return null;
    cache?.set(row, now);
  }

  if (!constantTimeEqual(hashSecret(secret), decodeHex(row.secretHash))) return null;

  if (now.getTime() >= expiryOf(row.createdAt, row.lastVerifiedAt).getTime()) {
    await invalidateSession(db, row.id);
    return null;
  }

  let lastVerifiedAt = row.lastVerifiedAt;
  let refreshed = false;
  if (now.getTime() - row.lastVerifiedAt.getTime() >= SESSION_ACTIVITY_CHECK_INTERVAL_MS) {
    lastVerifiedAt = now;
    refreshed = true;
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, row.id));
    await db.update(users).set({ lastActiveAt: now }).where(eq(users.id, row.userId));
    cache?.set({ ...row, lastVerifiedAt: now }, now);
  }

  return {
    session: {
      id: row.id,
      userId: row.userId,
      createdAt: row.createdAt,
      lastVerifiedAt,
      expiresAt: expiryOf(row.createdAt, lastVerifiedAt),
    },
    user: { id: row.userId, email: row.email, userType: row.userType },
    refreshed,
  };
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  forgetCachedSession(sessionId);
}

/** Ends every session of a user, or every one but `keepSessionId` (the caller's own, after a password change). */
export async function invalidateUserSessions(db: Queryable, userId: number, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId),
    );
  forgetCachedUser(userId);
}
