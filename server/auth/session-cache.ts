/**
 * Sessions read from the database, kept for a few seconds by a process that is the only one
 * serving its database: the Node entry on embedded PGlite (one process opens a data folder).
 * There the session lookup was half of the personal feed's database work (decision 0014).
 *
 * Every deletion of sessions and every change to what a session carries (the user's email)
 * goes through server/auth (sessions.ts, email-flows.ts) or the erasure, which tell every cache
 * of this process to forget. Another process could not be told, so a deployment with more than
 * one (the worker, Node on DATABASE_URL) gets no cache. The secret and the expiry are checked on
 * every request, cached or not.
 */
import type { UserType } from '../../db/schema.ts';

/** The session row and its user, as sessions.ts reads them. */
export interface SessionRow {
  id: string;
  secretHash: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  userId: number;
  email: string;
  userType: UserType;
}

export interface SessionCache {
  get(id: string, now: Date): SessionRow | undefined;
  set(row: SessionRow, now: Date): void;
}

/** How long a read row is trusted: a change made outside server/auth (by hand, in SQL) shows after this. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const caches = new Set<Map<string, { row: SessionRow; until: number }>>();

export function createSessionCache(): SessionCache {
  const entries = new Map<string, { row: SessionRow; until: number }>();
  caches.add(entries);
  return {
    get(id, now) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.until > now.getTime()) return entry.row;
      entries.delete(id);
      return undefined;
    },
    set(row, now) {
      entries.delete(row.id);
      // Insertion order is age: past the bound the oldest goes.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(row.id, { row, until: now.getTime() + SESSION_CACHE_TTL_MS });
    },
  };
}

/** Every cache of this process forgets the session. */
export function forgetCachedSession(id: string): void {
  for (const entries of caches) entries.delete(id);
}

/** Every cache of this process forgets the user's sessions (ended, or what they carry changed). */
export function forgetCachedUser(userId: number): void {
  for (const entries of caches) for (const [id, entry] of entries) if (entry.row.userId === userId) entries.delete(id);
}
