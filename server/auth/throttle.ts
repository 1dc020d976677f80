/**
 * Brute-force protection for sign-in, password changes and sign-up, after OWASP's
 * authentication cheat sheet: slow down guesses per (account, address) pair, then per address,
 * and never lock an account as such, so an attacker cannot lock its owner out from elsewhere.
 *
 * Attempts are counted in the database (not in memory, so the limit holds across Worker
 * isolates and server processes), and each decision is one statement that counts the attempt
 * and returns the new count: calls running at once (a batch, parallel requests) cannot all pass
 * a check before any of them is counted. A successful attempt is handed back afterwards.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, gt, like, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { authThrottles } from '../../db/schema.ts';
import { escapeLike } from '../sql-helpers.ts';

export interface ThrottleRule {
  maxAttempts: number;
  windowMs: number;
  /** What is being limited, for the message. */
  what: string;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Guesses at one account from one address: a handful per 15 minutes. */
export const PAIR_RULE: ThrottleRule = { maxAttempts: 5, windowMs: FIFTEEN_MINUTES, what: 'failed sign-in attempts' };
/** Guesses from one address across accounts: enough for a shared office, not for a dictionary. */
export const ADDRESS_RULE: ThrottleRule = {
  maxAttempts: 30,
  windowMs: FIFTEEN_MINUTES,
  what: 'failed sign-in attempts',
};
/** New accounts from one address. */
export const SIGN_UP_RULE: ThrottleRule = {
  maxAttempts: 20,
  windowMs: 60 * 60_000,
  what: 'sign-ups from your network',
};

// Keys fit auth_throttles.key (varchar 320): emails are at most 254 characters, addresses 45.
const address = (ip: string) => ip.slice(0, 60);
export const pairKey = (email: string, ip: string | null) => `pair:${ip ? address(ip) : 'unknown'}|${email}`;
export const addressKey = (ip: string) => `ip:${address(ip)}`;
export const signUpKey = (ip: string) => `signup:${address(ip)}`;

/**
 * Counts one attempt under `key` and refuses it (TOO_MANY_REQUESTS) when it is over the rule's
 * limit in the current window. The count and the decision are one upsert.
 */
export async function takeAttempt(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const windowOver = sql`${authThrottles.windowStartedAt} <= ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(authThrottles)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures: sql`case when ${windowOver} then 1 else ${authThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${authThrottles.windowStartedAt} end`,
      },
    })
    .returning({ attempts: authThrottles.failures, windowStartedAt: authThrottles.windowStartedAt });
  if (!row || row.attempts <= rule.maxAttempts) return;
  const waitMs = row.windowStartedAt.getTime() + rule.windowMs - now.getTime();
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many ${rule.what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  });
}

/** A successful attempt does not count against the rule: its count is handed back. */
export async function returnAttempt(db: Queryable, key: string): Promise<void> {
  await db
    .update(authThrottles)
    .set({ failures: sql`${authThrottles.failures} - 1` })
    .where(and(eq(authThrottles.key, key), gt(authThrottles.failures, 0)));
}

export async function clearAttempts(db: Queryable, key: string): Promise<void> {
  await db.delete(authThrottles).where(eq(authThrottles.key, key));
}

/** An erased account leaves no trace of its email address in the counters. */
export async function forgetAccountAttempts(db: Queryable, email: string): Promise<void> {
  await db.delete(authThrottles).where(like(authThrottles.key, `pair:%|${escapeLike(email)}`));
}
