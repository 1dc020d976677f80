/** The team of a company: founding it, listing, changing roles, removing members. */
import { TRPCError } from '@trpc/server';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { type CompanyRole, companies, companyMembers, employers, users } from '../../db/schema.ts';
import { requireCompanyAccess } from './access.ts';

/**
 * A new employer account founds a company of one (its owner). The company's id is the
 * employer's id, as migration 0015 made it for every employer before it.
 */
export async function foundCompany(db: Queryable, userId: number, companyName: string) {
  await db.insert(employers).values({ id: userId, companyName });
  await db.insert(companies).values({ id: userId });
  await db.insert(companyMembers).values({ companyId: userId, userId, role: 'owner' });
}

export async function listMembers(db: Queryable, userId: number) {
  const { companyId } = await requireCompanyAccess(db, userId, 'view-assigned');
  return db
    .select({ userId: users.id, email: users.email, role: companyMembers.role, joinedAt: companyMembers.joinedAt })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(users.id));
}

const LAST_OWNER = 'A company needs an owner: make another member owner first.';

export async function ownerCount(db: Queryable, companyId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.role, 'owner')));
  return row?.n ?? 0;
}

async function memberOfCompany(db: Queryable, companyId: number, memberId: number) {
  const [member] = await db
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, memberId)));
  if (!member) throw new TRPCError({ code: 'NOT_FOUND', message: 'This member was not found.' });
  return member;
}

export async function setRole(db: Queryable, userId: number, memberId: number, role: CompanyRole) {
  const { companyId } = await requireCompanyAccess(db, userId, 'members');
  const member = await memberOfCompany(db, companyId, memberId);
  if (member.role === 'owner' && role !== 'owner' && (await ownerCount(db, companyId)) <= 1)
    throw new TRPCError({ code: 'CONFLICT', message: LAST_OWNER });
  await db
    .update(companyMembers)
    .set({ role })
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, memberId)));
  return { userId: memberId, role };
}

/** An owner removes a member, or any member leaves (memberId = themselves). */
export async function removeMember(db: Queryable, userId: number, memberId: number) {
  const { companyId } = await requireCompanyAccess(db, userId, memberId === userId ? 'view-assigned' : 'members');
  const member = await memberOfCompany(db, companyId, memberId);
  if (member.role === 'owner' && (await ownerCount(db, companyId)) <= 1)
    throw new TRPCError({ code: 'CONFLICT', message: LAST_OWNER });
  await db
    .delete(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, memberId)));
  return { removed: true };
}
