/**
 * Brute-force protection for sign-in. Failures are counted in the database, not in memory,
 * so the limit holds across Worker isolates and server processes alike.
 */
import { TRPCError } from '@trpc/server';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { authThrottles } from '../../db/schema.ts';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/** Per email: a handful of guesses. Per address: enough for a shared office, not for a dictionary. */
export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

export const emailKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export async function assertNotThrottled(db: Queryable, keys: string[], now: Date): Promise<void> {
  const rows = await db
    .select({ lockedUntil: authThrottles.lockedUntil })
    .from(authThrottles)
    .where(inArray(authThrottles.key, keys));
  const lockedUntil = rows
    .map((r) => r.lockedUntil?.getTime() ?? 0)
    .reduce((a, b) => Math.max(a, b), 0);
  if (lockedUntil > now.getTime()) {
    const minutes = Math.ceil((lockedUntil - now.getTime()) / 60_000);
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    });
  }
}

/** Counts one failure atomically (one upsert), starting a new window when the old one is over. */
export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockoutMs);
  const windowOver = sql`${authThrottles.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const nextFailures = sql`case when ${windowOver} then 1 else ${authThrottles.failures} + 1 end`;
  await db
    .insert(authThrottles)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: rule.maxFailures <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${authThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${rule.maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${authThrottles.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(authThrottles).where(eq(authThrottles.key, key));
}
