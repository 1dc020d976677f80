/**
 * The account flows that go through email: verification at sign-up, password reset, email
 * change. Each message is queued in the transaction that issues its token (the outbox,
 * server/mail/outbox.ts); links carry the token in their fragment (templates.ts says why).
 */
import { TRPCError } from '@trpc/server';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { users } from '../../db/schema.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { countRecentMail, enqueueMail } from '../mail/outbox.ts';
import { templates } from '../mail/templates.ts';
import type { PasswordHasher } from './passwords.ts';
import type { SessionUser } from './sessions.ts';
import { invalidateUserSessions } from './sessions.ts';
import { forgetCachedUser } from './session-cache.ts';
import {
  PAIR_RULE,
  clearAttempts,
  forgetAccountAttempts,
  pairKey,
  takeAttempt,
  type ThrottleRule,
} from './throttle.ts';
import { consumeToken, issueToken, revokeTokens } from './tokens.ts';

const HOUR_MS = 60 * 60_000;
/** Emails of one kind per account per hour: enough for a lost message, too few to flood an inbox. */
const MAILS_PER_HOUR = 3;
/** Reset requests per network address: a person retrying, not a script walking a list of addresses. */
const RESET_ADDRESS_RULE: ThrottleRule = {
  maxAttempts: 10,
  windowMs: 15 * 60_000,
  what: 'reset requests from your network',
};
const resetAddressKey = (ip: string) => `reset-ip:${ip}`;

const linkTo = (publicUrl: string, page: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/${page}#token=${token}`;

const INVALID_LINK = (what: string) =>
  new TRPCError({
    code: 'BAD_REQUEST',
    message: `This ${what} link is not valid any more: it was used, it expired, or it was copied incompletely.`,
  });

/** Issues a verification token and queues its email, in the caller's transaction. */
export async function queueVerificationEmail(
  tx: Queryable,
  user: { id: number; email: string },
  publicUrl: string,
  now: Date,
): Promise<void> {
  const { id, token } = await issueToken(tx, { userId: user.id, purpose: 'verify_email' }, now);
  await enqueueMail(
    tx,
    {
      kind: 'verify_email',
      recipientUserId: user.id,
      to: user.email,
      content: templates.verifyEmail(linkTo(publicUrl, 'verify-email', token)),
      idempotencyKey: `verify_email:${id}`,
    },
    now,
  );
}

export async function verifyEmail(db: Database, token: string, now: Date): Promise<{ verified: true }> {
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, 'verify_email', now);
    if (!used) throw INVALID_LINK('confirmation');
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, used.userId), isNull(users.emailVerifiedAt)));
    return { verified: true as const };
  });
}

async function isVerified(db: Queryable, userId: number): Promise<boolean> {
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return row?.at != null;
}

/** Another verification email, for the banner's "send it again". */
export async function resendVerification(
  db: Database,
  user: SessionUser,
  publicUrl: string,
  now: Date,
): Promise<{ sent: boolean }> {
  if (await isVerified(db, user.id)) return { sent: false };
  if ((await countRecentMail(db, user.id, 'verify_email', new Date(now.getTime() - HOUR_MS))) >= MAILS_PER_HOUR) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: 'We already sent several confirmation emails this hour. Check your spam folder, or try again later.',
    });
  }
  await db.transaction((tx) => queueVerificationEmail(tx, user, publicUrl, now));
  return { sent: true };
}

/** Employers publish only from a confirmed address (drafts are fine). */
export async function assertCanPublish(db: Queryable, userId: number): Promise<void> {
  if (!(await isVerified(db, userId))) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'Confirm your email address before publishing a job: use the link we emailed you. You can save the job as a draft meanwhile.',
    });
  }
}

/**
 * The same answer whether or not the account exists. Throttled per network address (an answer
 * that reveals nothing, since it does not depend on the account) and, silently, per account.
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
  context: { ip: string | null; now: Date; publicUrl: string },
): Promise<{ requested: true }> {
  const { ip, now } = context;
  if (ip) await takeAttempt(db, resetAddressKey(ip), RESET_ADDRESS_RULE, now);
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, email));
  if (!user) return { requested: true };
  if ((await countRecentMail(db, user.id, 'password_reset', new Date(now.getTime() - HOUR_MS))) >= MAILS_PER_HOUR)
    return { requested: true };
  await db.transaction(async (tx) => {
    const { id, token } = await issueToken(tx, { userId: user.id, purpose: 'password_reset' }, now);
    await enqueueMail(
      tx,
      {
        kind: 'password_reset',
        recipientUserId: user.id,
        to: user.email,
        content: templates.passwordReset(linkTo(context.publicUrl, 'reset-password', token)),
        idempotencyKey: `password_reset:${id}`,
      },
      now,
    );
  });
  return { requested: true };
}

/** Sets the new password and ends every session; the link proved the inbox, so the address counts as verified. */
export async function resetPassword(
  db: Database,
  passwords: PasswordHasher,
  input: { token: string; password: string },
  now: Date,
): Promise<{ reset: true }> {
  // Hashing is the slow part: done before the transaction, so no lock waits on it.
  const passwordHash = await passwords.hash(input.password);
  const email = await db.transaction(async (tx) => {
    const used = await consumeToken(tx, input.token, 'password_reset', now);
    if (!used) throw INVALID_LINK('password reset');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email, verifiedAt: users.emailVerifiedAt });
    if (!user) throw INVALID_LINK('password reset');
    if (!user.verifiedAt) await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, used.userId));
    await invalidateUserSessions(tx, used.userId);
    await revokeTokens(tx, used.userId, 'password_reset', now);
    return user.email;
  });
  // Whoever was slowed down by guessing is the owner now: sign-in is open again.
  await forgetAccountAttempts(db, email);
  return { reset: true };
}

/** Asks the new address to confirm; the old one hears that a change is under way. */
export async function requestEmailChange(
  db: Database,
  passwords: PasswordHasher,
  user: SessionUser,
  input: { email: string; password: string },
  context: { ip: string | null; now: Date; publicUrl: string },
): Promise<{ sent: true }> {
  const { now } = context;
  if (input.email === user.email)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This is already your email address.' });
  // The password is guessed here as at sign-in: the same (account, address) limit.
  const pair = pairKey(user.email, context.ip);
  await takeAttempt(db, pair, PAIR_RULE, now);
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await passwords.verify(row.hash, input.password))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your password is not correct.' });
  }
  await clearAttempts(db, pair);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: 'An account with this email address already exists.' });
  if ((await countRecentMail(db, user.id, 'email_change', new Date(now.getTime() - HOUR_MS))) >= MAILS_PER_HOUR) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: 'You asked for several address changes this hour. Try again later.',
    });
  }
  await db.transaction(async (tx) => {
    await revokeTokens(tx, user.id, 'email_change', now);
    const { id, token } = await issueToken(
      tx,
      { userId: user.id, purpose: 'email_change', newEmail: input.email },
      now,
    );
    await enqueueMail(
      tx,
      {
        kind: 'email_change',
        recipientUserId: user.id,
        to: input.email,
        content: templates.emailChange(linkTo(context.publicUrl, 'confirm-email', token)),
        idempotencyKey: `email_change:${id}`,
      },
      now,
    );
    await enqueueMail(
      tx,
      {
        kind: 'email_change_notice',
        recipientUserId: user.id,
        to: user.email,
        content: templates.emailChangeRequested(),
        idempotencyKey: `email_change_notice:${id}`,
      },
      now,
    );
  });
  return { sent: true };
}

export async function confirmEmailChange(db: Database, token: string, now: Date): Promise<{ email: string }> {
  try {
    return await db.transaction(async (tx) => {
      const used = await consumeToken(tx, token, 'email_change', now);
      if (!used?.newEmail) throw INVALID_LINK('confirmation');
      await tx
        .update(users)
        .set({ email: used.newEmail, emailVerifiedAt: now, updatedAt: now })
        .where(eq(users.id, used.userId));
      // Their sessions carry the email: read it again.
      forgetCachedUser(used.userId);
      return { email: used.newEmail };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({ code: 'CONFLICT', message: 'Another account took this email address meanwhile.' });
    throw error;
  }
}
