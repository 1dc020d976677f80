/**
 * Invitations to a company's team: emailed, single use, 7 days, only SHA-256 of the token
 * stored, the token in the link's fragment (as the account links: no log or Referer holds it).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { TRPCError } from '@trpc/server';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import {
  type CompanyRole,
  companies,
  companyInvitations,
  companyMembers,
  jobSources,
  jobs,
  users,
} from '../../db/schema.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { createSession } from '../auth/sessions.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { templates } from '../mail/templates.ts';
import { membershipOf, requireCompanyAccess } from './access.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

const INVALID_INVITATION = () =>
  new TRPCError({
    code: 'BAD_REQUEST',
    message: 'This invitation link is not valid any more: it was used, withdrawn or expired, or copied incompletely.',
  });

export async function invite(
  db: Database,
  userId: number,
  input: { email: string; role: CompanyRole },
  context: { now: Date; publicUrl: string },
) {
  const { companyId } = await requireCompanyAccess(db, userId, 'members');
  const [member] = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, companyId), eq(users.email, input.email)));
  if (member) throw new TRPCError({ code: 'CONFLICT', message: 'This person is already a member of your team.' });
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  return db.transaction(async (tx) => {
    // A new invitation replaces an unanswered one to the same address.
    await tx
      .update(companyInvitations)
      .set({ revokedAt: context.now })
      .where(
        and(
          eq(companyInvitations.companyId, companyId),
          eq(companyInvitations.email, input.email),
          isNull(companyInvitations.acceptedAt),
          isNull(companyInvitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(companyInvitations)
      .values({
        companyId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: userId,
        createdAt: context.now,
        expiresAt: new Date(context.now.getTime() + INVITATION_LIFETIME_MS),
      })
      .returning({ id: companyInvitations.id, expiresAt: companyInvitations.expiresAt });
    if (!row) throw new Error('insert into company_invitations returned no row');
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    await enqueueMail(
      tx,
      {
        kind: 'team_invitation',
        recipientUserId: existing?.id ?? null,
        to: input.email,
        content: templates.teamInvitation(`${context.publicUrl}/join-team#token=${token}`, input.role),
        idempotencyKey: `team_invitation:${row.id}`,
      },
      context.now,
    );
    return { id: row.id, email: input.email, role: input.role, expiresAt: row.expiresAt.toISOString() };
  });
}

/** The company's unanswered invitations, for its owners. */
export async function pendingInvitations(db: Queryable, userId: number, now: Date) {
  const { companyId } = await requireCompanyAccess(db, userId, 'members');
  const rows = await db
    .select({
      id: companyInvitations.id,
      email: companyInvitations.email,
      role: companyInvitations.role,
      expiresAt: companyInvitations.expiresAt,
    })
    .from(companyInvitations)
    .where(
      and(
        eq(companyInvitations.companyId, companyId),
        isNull(companyInvitations.acceptedAt),
        isNull(companyInvitations.revokedAt),
        gt(companyInvitations.expiresAt, now),
      ),
    );
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() }));
}

export async function revokeInvitation(db: Queryable, userId: number, invitationId: number, now: Date) {
  const { companyId } = await requireCompanyAccess(db, userId, 'members');
  const [row] = await db
    .update(companyInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(companyInvitations.id, invitationId),
        eq(companyInvitations.companyId, companyId),
        isNull(companyInvitations.acceptedAt),
      ),
    )
    .returning({ id: companyInvitations.id });
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'This invitation was not found.' });
  return { revoked: true };
}

/** Uses the invitation once (two clicks at once use it once): its company, address and role. */
async function consumeInvitation(tx: Queryable, token: string, userId: number, now: Date) {
  const [row] = await tx
    .update(companyInvitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(
      and(
        eq(companyInvitations.tokenHash, hashToken(token)),
        isNull(companyInvitations.acceptedAt),
        isNull(companyInvitations.revokedAt),
        gt(companyInvitations.expiresAt, now),
      ),
    )
    .returning({
      companyId: companyInvitations.companyId,
      email: companyInvitations.email,
      role: companyInvitations.role,
    });
  return row ?? null;
}

async function peekInvitation(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ email: companyInvitations.email })
    .from(companyInvitations)
    .where(
      and(
        eq(companyInvitations.tokenHash, hashToken(token)),
        isNull(companyInvitations.acceptedAt),
        isNull(companyInvitations.revokedAt),
        gt(companyInvitations.expiresAt, now),
      ),
    );
  if (!row) throw INVALID_INVITATION();
  return row;
}

/** The address a valid invitation was sent to: the join page offers to create its account. */
export async function invitedAddress(db: Queryable, token: string, now: Date) {
  return { email: (await peekInvitation(db, token, now)).email };
}

/**
 * An employer joining with the account they have. Someone already in a company with jobs,
 * boards or other members must leave it first; a company of one with nothing in it (an account
 * made before the invitation came) is closed as they move.
 */
async function leaveEmptyCompany(tx: Queryable, userId: number) {
  const membership = await membershipOf(tx, userId);
  if (!membership) return;
  const [members] = await tx
    .select({ n: count() })
    .from(companyMembers)
    .where(eq(companyMembers.companyId, membership.companyId));
  const [posted] = await tx.select({ n: count() }).from(jobs).where(eq(jobs.employerId, membership.companyId));
  const [boards] = await tx
    .select({ n: count() })
    .from(jobSources)
    .where(eq(jobSources.employerId, membership.companyId));
  if ((members?.n ?? 0) > 1 || (posted?.n ?? 0) > 0 || (boards?.n ?? 0) > 0)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'You already belong to a company on Fitwork: leave it (or delete its jobs) before joining another.',
    });
  await tx.delete(companyMembers).where(eq(companyMembers.userId, userId));
  await tx.delete(companies).where(eq(companies.id, membership.companyId));
}

/** Accepting as the signed-in employer whose address the invitation was sent to. */
export async function acceptAsMember(
  db: Database,
  user: { id: number; email: string; userType: string },
  token: string,
  now: Date,
) {
  const invitation = await peekInvitation(db, token, now);
  if (user.userType !== 'employer' || user.email !== invitation.email)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'This invitation was sent to another address: sign in with the account of that address, or sign out to create one.',
    });
  return db.transaction(async (tx) => {
    await leaveEmptyCompany(tx, user.id);
    const used = await consumeInvitation(tx, token, user.id, now);
    if (!used) throw INVALID_INVITATION();
    await tx
      .insert(companyMembers)
      .values({ companyId: used.companyId, userId: user.id, role: used.role, joinedAt: now });
    return { companyId: used.companyId, role: used.role };
  });
}

/**
 * Accepting without an account: one is made for the invited address (proven by the link, so it
 * counts as verified), a member of the company, and signed in.
 */
export async function acceptAsNewAccount(
  db: Database,
  passwords: PasswordHasher,
  token: string,
  password: string,
  now: Date,
) {
  const invitation = await peekInvitation(db, token, now);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  if (taken)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'An account with this address exists: sign in, then open the invitation link again.',
    });
  const passwordHash = await passwords.hash(password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, passwordHash, userType: 'employer', createdAt: now, emailVerifiedAt: now })
        .returning({ id: users.id, email: users.email, userType: users.userType });
      if (!user) throw new Error('insert into users returned no row');
      const used = await consumeInvitation(tx, token, user.id, now);
      if (!used) throw INVALID_INVITATION();
      await tx
        .insert(companyMembers)
        .values({ companyId: used.companyId, userId: user.id, role: used.role, joinedAt: now });
      const signedIn = await createSession(tx, user.id, now);
      return { user, ...signedIn, companyId: used.companyId, role: used.role };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'An account with this address exists: sign in, then open the invitation link again.',
      });
    throw error;
  }
}
