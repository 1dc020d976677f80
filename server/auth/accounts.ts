import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/database.ts';
import { jobSeekers, users, type UserType } from '../../db/schema.ts';
import { foundCompany } from '../companies/members.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { PasswordHasher } from './passwords.ts';
import type { SignUpInput } from './schemas.ts';
import { createSession, invalidateUserSessions, type SessionUser, type ValidSession } from './sessions.ts';
import {
  ADDRESS_RULE,
  PAIR_RULE,
  SIGN_UP_RULE,
  addressKey,
  clearAttempts,
  pairKey,
  returnAttempt,
  signUpKey,
  takeAttempt,
} from './throttle.ts';

export interface SignedIn {
  user: SessionUser;
  token: string;
  session: ValidSession;
}

const EMAIL_TAKEN = 'An account with this email address already exists. Sign in instead.';
const BAD_CREDENTIALS = 'The email address or password is incorrect.';

/** Creates the user and its typed profile in one transaction, then signs in. */
export async function signUp(
  db: Database,
  passwords: PasswordHasher,
  input: SignUpInput,
  context: { ip: string | null; now: Date },
  /** Runs in the sign-up's transaction: the verification email is queued with the account. */
  onCreated?: (tx: Transaction, user: { id: number; email: string }) => Promise<void>,
): Promise<SignedIn> {
  const { now, ip } = context;
  // Every attempt counts (each costs a password hash), whatever its outcome.
  if (ip) await takeAttempt(db, signUpKey(ip), SIGN_UP_RULE, now);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: EMAIL_TAKEN });

  // Hash outside the transaction: the slow part should not hold a connection's lock.
  const passwordHash = await passwords.hash(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, userType: input.userType, createdAt: now })
        .returning({ id: users.id, email: users.email, userType: users.userType });
      if (!user) throw new Error('insert into users returned no row');
      if (input.userType === 'job_seeker') {
        await tx.insert(jobSeekers).values({ id: user.id, firstName: input.firstName, lastName: input.lastName });
      } else {
        await foundCompany(tx, user.id, input.companyName);
      }
      await onCreated?.(tx, user);
      const { token, session } = await createSession(tx, user.id, now);
      return { user, token, session };
    });
  } catch (error) {
    // Two sign-ups with one address at once: the unique constraint decides, the loser hears why.
    if (isUniqueViolation(error)) throw new TRPCError({ code: 'CONFLICT', message: EMAIL_TAKEN });
    throw error;
  }
}

/** Creates a user of any type, admins included: for the admin command and the demo data only. */
export async function createUserWithProfile(
  db: Queryable,
  input: {
    email: string;
    passwordHash: string;
    userType: UserType;
    firstName?: string;
    lastName?: string;
    companyName?: string;
  },
): Promise<number> {
  const [user] = await db
    .insert(users)
    // Admins and demo accounts are made by the operator, whose addresses need no proof.
    .values({
      email: input.email.trim().toLowerCase(),
      passwordHash: input.passwordHash,
      userType: input.userType,
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert into users returned no row');
  if (input.userType === 'job_seeker') {
    await db
      .insert(jobSeekers)
      .values({ id: user.id, firstName: input.firstName ?? '', lastName: input.lastName ?? '' });
  } else if (input.userType === 'employer') {
    await foundCompany(db, user.id, input.companyName ?? '');
  }
  return user.id;
}

// A valid argon2id hash of a random string: unknown emails are verified against it, so a
// wrong email and a wrong password cost the same time and give the same answer.
const timingDecoys = new WeakMap<PasswordHasher, Promise<string>>();
function timingDecoy(passwords: PasswordHasher): Promise<string> {
  let decoy = timingDecoys.get(passwords);
  if (!decoy) {
    decoy = passwords.hash(crypto.randomUUID());
    timingDecoys.set(passwords, decoy);
  }
  return decoy;
}

export async function signIn(
  db: Database,
  passwords: PasswordHasher,
  input: { email: string; password: string },
  context: { ip: string | null; now: Date },
): Promise<SignedIn> {
  const { now, ip } = context;
  // The attempt is counted before the password is checked and handed back if it was right.
  const pair = pairKey(input.email, ip);
  await takeAttempt(db, pair, PAIR_RULE, now);
  if (ip) await takeAttempt(db, addressKey(ip), ADDRESS_RULE, now);

  const [user] = await db
    .select({ id: users.id, email: users.email, userType: users.userType, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const valid = await passwords.verify(user?.passwordHash ?? (await timingDecoy(passwords)), input.password);
  if (!user || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: BAD_CREDENTIALS });

  await clearAttempts(db, pair);
  if (ip) await returnAttempt(db, addressKey(ip));
  if (passwords.needsRehash(user.passwordHash)) {
    const passwordHash = await passwords.hash(input.password);
    await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
  }
  const { token, session } = await createSession(db, user.id, now);
  return { user: { id: user.id, email: user.email, userType: user.userType }, token, session };
}

/** Checks the current password, stores the new one and ends every session; the caller gets a fresh one. */
export async function changePassword(
  db: Database,
  passwords: PasswordHasher,
  userId: number,
  input: { currentPassword: string; newPassword: string },
  context: { ip: string | null; now: Date },
): Promise<{ token: string; session: ValidSession }> {
  const [user] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  const pair = pairKey(user.email, context.ip);
  await takeAttempt(db, pair, PAIR_RULE, context.now);
  if (!(await passwords.verify(user.passwordHash, input.currentPassword))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your current password is not correct.' });
  }
  await clearAttempts(db, pair);
  const passwordHash = await passwords.hash(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: context.now }).where(eq(users.id, userId));
    await invalidateUserSessions(tx, userId);
    return createSession(tx, userId, context.now);
  });
}
