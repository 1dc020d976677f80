import { TRPCError } from '@trpc/server';
import { encodeBase64 } from '@oslojs/encoding';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { jobSources, webhookDeliveries } from '../../db/schema.ts';
import type { SourceFormat } from '../../db/schema.ts';
import { recentRefusals } from './refusals.ts';

/** After a rotation the old secret still verifies this long, so a board can switch without loss. */
const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** Standard Webhooks' form: `whsec_` and the base64 of 32 random bytes. */
function generateSigningSecret(): string {
  return `whsec_${encodeBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

const sourceColumns = {
  id: jobSources.id,
  name: jobSources.name,
  format: jobSources.format,
  createdAt: jobSources.createdAt,
};

export async function createSource(
  db: Queryable,
  employerId: number,
  input: { name: string; format: SourceFormat },
  now: Date,
) {
  const signingSecret = generateSigningSecret();
  const [source] = await db
    .insert(jobSources)
    .values({ employerId, name: input.name, format: input.format, signingSecret, createdAt: now })
    .returning(sourceColumns);
  return {
    ...source!,
    createdAt: source!.createdAt.toISOString(),
    webhookPath: `/webhooks/${source!.id}`,
    signingSecret,
  };
}

export async function ownedSource(db: Queryable, employerId: number, sourceId: string) {
  const [source] = await db
    .select()
    .from(jobSources)
    .where(and(eq(jobSources.id, sourceId), eq(jobSources.employerId, employerId)));
  if (!source) throw new TRPCError({ code: 'NOT_FOUND', message: 'This job board connection was not found.' });
  return source;
}

export async function listSources(db: Queryable, employerId: number, now = new Date()) {
  const rows = await db
    .select({
      ...sourceColumns,
      previousSecretExpiresAt: jobSources.previousSecretExpiresAt,
      deliveries: sql<number>`(select count(*)::int from webhook_deliveries d where d.source_id = job_sources.id)`,
      lastDeliveryAt: sql<
        string | null
      >`(select max(d.received_at) from webhook_deliveries d where d.source_id = job_sources.id)`,
    })
    .from(jobSources)
    .where(eq(jobSources.employerId, employerId))
    .orderBy(desc(jobSources.createdAt));
  const refusals = await recentRefusals(
    db,
    rows.map((r) => r.id),
    now,
  );
  return rows.map((r) => ({
    ...r,
    refusals: refusals.get(r.id) ?? [],
    createdAt: r.createdAt.toISOString(),
    previousSecretExpiresAt: r.previousSecretExpiresAt?.toISOString() ?? null,
    lastDeliveryAt: r.lastDeliveryAt ? new Date(r.lastDeliveryAt).toISOString() : null,
    webhookPath: `/webhooks/${r.id}`,
  }));
}

export async function rotateSecret(db: Queryable, employerId: number, sourceId: string, now: Date) {
  const source = await ownedSource(db, employerId, sourceId);
  const signingSecret = generateSigningSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_ROTATION_GRACE_MS);
  await db
    .update(jobSources)
    .set({ signingSecret, previousSigningSecret: source.signingSecret, previousSecretExpiresAt })
    .where(eq(jobSources.id, sourceId));
  return { id: sourceId, signingSecret, previousSecretExpiresAt: previousSecretExpiresAt.toISOString() };
}

export async function deleteSource(db: Queryable, employerId: number, sourceId: string) {
  await ownedSource(db, employerId, sourceId);
  // Its jobs stay (source_id becomes null): applications to them are the employer's.
  await db.delete(jobSources).where(eq(jobSources.id, sourceId));
  return { id: sourceId, deleted: true };
}

export async function listDeliveries(db: Queryable, employerId: number, sourceId: string, limit: number) {
  await ownedSource(db, employerId, sourceId);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      eventType: webhookDeliveries.eventType,
      outcome: webhookDeliveries.outcome,
      error: webhookDeliveries.error,
      jobId: webhookDeliveries.jobId,
      receivedAt: webhookDeliveries.receivedAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.sourceId, sourceId))
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
