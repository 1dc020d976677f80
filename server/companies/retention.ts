/**
 * Retention of team invitations: once accepted, withdrawn or expired, an invitation (an
 * address and a role) is kept 30 days, for "did they get it?", then deleted; the membership
 * it made is the lasting record.
 */
import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { companyInvitations } from '../../db/schema.ts';

export const INVITATION_RETENTION_DAYS = 30;

export async function purgeOldInvitations(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - INVITATION_RETENTION_DAYS * 24 * 60 * 60_000);
  const purged = await db
    .delete(companyInvitations)
    .where(
      or(
        lt(companyInvitations.expiresAt, cutoff),
        and(isNotNull(companyInvitations.acceptedAt), lt(companyInvitations.acceptedAt, cutoff)),
        and(isNotNull(companyInvitations.revokedAt), lt(companyInvitations.revokedAt, cutoff)),
      ),
    )
    .returning({ id: companyInvitations.id });
  return purged.length;
}
