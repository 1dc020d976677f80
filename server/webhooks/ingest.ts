/**
 * One delivery from a job board: verify (Standard Webhooks), then once per webhook-id, map the
 * payload to a job of the source's employer and upsert it by the board's id. The response is
 * sent after the database write; embeddings and matching run after it.
 */
import { and, eq } from 'drizzle-orm';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Database } from '../../db/database.ts';
import { type JobStatus, jobSkills, jobs, jobSources, type RefusalReason, webhookDeliveries } from '../../db/schema.ts';
import type { AiProviders } from '../ai/types.ts';
import { inferSkillLinks } from '../jobs/service.ts';
import { resolveSkillNames } from '../skills/catalog.ts';
import { PayloadError, readPayload, type BoardAction } from './adapters.ts';
import { countRefusal, reasonOfVerificationFailure } from './refusals.ts';

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IngestDeps {
  db: Database;
  ai: AiProviders;
  now: Date;
  /** After the response: embeddings, then matching. */
  afterResponse(jobIds: number[]): void;
}

export type IngestResult = { status: 200 | 400 | 401 | 404 | 500; body: Record<string, unknown> };

export async function findSource(db: Database, sourceId: string) {
  if (!UUID.test(sourceId)) return null;
  const [source] = await db.select().from(jobSources).where(eq(jobSources.id, sourceId));
  return source ?? null;
}

type Source = NonNullable<Awaited<ReturnType<typeof findSource>>>;

/**
 * Null when any `v1,` signature matches the current secret or, during its grace day (by `now`),
 * the previous one; else why the delivery is refused. The 5-minute timestamp tolerance is
 * checked by the library on real time.
 */
export function signatureRefusal(
  source: Source,
  headers: Record<string, string>,
  body: string,
  now: Date,
): RefusalReason | null {
  const secrets = [source.signingSecret];
  if (source.previousSigningSecret && source.previousSecretExpiresAt && source.previousSecretExpiresAt > now)
    secrets.push(source.previousSigningSecret);
  let refusal: RefusalReason = 'bad_signature';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, headers);
      return null;
    } catch (error) {
      // verify() parses the body once the signature matched: a signed body that is not JSON
      // is verified, and refused later with its reason.
      if (error instanceof SyntaxError) return null;
      if (!(error instanceof WebhookVerificationError)) throw error;
      refusal = reasonOfVerificationFailure(error.message);
    }
  }
  return refusal;
}

async function apply(deps: IngestDeps, source: Source, action: BoardAction, webhookId: string): Promise<IngestResult> {
  // Skills are resolved before the transaction: inference may call a model.
  let links: { skillId: number; required: boolean; priority: number; inferred: boolean }[] = [];
  if (action.kind === 'upsert') {
    const named = await resolveSkillNames(deps.db, action.job.skillNames);
    links = [
      ...new Map(
        [...named.values()].map((s) => [s.id, { skillId: s.id, required: true, priority: 2, inferred: false }]),
      ).values(),
    ];
    if (links.length === 0) links = await inferSkillLinks(deps, action.job);
  }

  return deps.db.transaction(async (tx) => {
    // The idempotency gate: one row per (source, webhook-id). A copy arriving at the same time
    // waits on the unique index, then finds the row and does nothing.
    const [claimed] = await tx
      .insert(webhookDeliveries)
      .values({
        sourceId: source.id,
        webhookId,
        eventType: action.eventType,
        outcome: 'processing',
        receivedAt: deps.now,
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (!claimed) return { status: 200, body: { status: 'duplicate' } } satisfies IngestResult;

    let jobId: number | null = null;
    let outcome = 'ignored';
    if (action.kind === 'upsert') {
      const status: JobStatus = action.job.expiresAt && action.job.expiresAt <= deps.now ? 'closed' : 'active';
      const { skillNames: _skills, ...fields } = action.job;
      const values = {
        ...fields,
        status,
        postedAt: fields.postedAt ?? deps.now,
        updatedAt: deps.now,
        embeddedAt: null,
      };
      const [row] = await tx
        .insert(jobs)
        .values({
          ...values,
          employerId: source.employerId,
          sourceId: source.id,
          externalId: action.externalId,
          createdAt: deps.now,
        })
        .onConflictDoUpdate({ target: [jobs.sourceId, jobs.externalId], set: values })
        .returning({ id: jobs.id });
      jobId = row!.id;
      await tx.delete(jobSkills).where(eq(jobSkills.jobId, jobId));
      if (links.length) await tx.insert(jobSkills).values(links.map((l) => ({ jobId: jobId!, ...l })));
      outcome = 'applied';
    } else if (action.kind === 'close') {
      // Closing keeps the job and its applications; it only leaves search and matching.
      const [row] = await tx
        .update(jobs)
        .set({ status: 'closed', updatedAt: deps.now })
        .where(and(eq(jobs.sourceId, source.id), eq(jobs.externalId, action.externalId)))
        .returning({ id: jobs.id });
      jobId = row?.id ?? null;
      outcome = row ? 'applied' : 'ignored';
    }
    await tx
      .update(webhookDeliveries)
      .set({
        outcome,
        jobId,
        error: outcome === 'ignored' && action.kind !== 'close' ? `event ${action.eventType} is not used` : null,
      })
      .where(eq(webhookDeliveries.id, claimed.id));
    return { status: 200, body: { status: outcome, ...(jobId ? { jobId } : {}) } } satisfies IngestResult;
  });
}

async function recordRejection(db: Database, sourceId: string, webhookId: string, error: string, now: Date) {
  await db
    .insert(webhookDeliveries)
    .values({ sourceId, webhookId, outcome: 'rejected', error: error.slice(0, 500), receivedAt: now })
    .onConflictDoNothing();
}

export async function ingestDelivery(
  deps: IngestDeps,
  source: Source,
  headers: Record<string, string>,
  body: string,
): Promise<IngestResult> {
  // Nothing about the body is read before the signature holds. Forged deliveries are not
  // recorded: they could otherwise squat on webhook-ids a real delivery will use.
  const refusal = signatureRefusal(source, headers, body, deps.now);
  if (refusal) {
    await countRefusal(deps.db, source.id, refusal, deps.now);
    return { status: 401, body: { error: 'invalid signature' } };
  }
  const webhookId = headers['webhook-id']!.slice(0, 255);

  const reject = async (reason: string, counted: RefusalReason): Promise<IngestResult> => {
    await recordRejection(deps.db, source.id, webhookId, reason, deps.now);
    await countRefusal(deps.db, source.id, counted, deps.now);
    return { status: 400, body: { error: reason } };
  };
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return reject('The body is not valid JSON.', 'malformed_body');
  }
  let action: BoardAction;
  try {
    action = readPayload(source.format, payload);
  } catch (error) {
    if (error instanceof PayloadError) return reject(error.message, 'invalid_payload');
    throw error;
  }
  const result = await apply(deps, source, action, webhookId);
  const jobId = result.body.jobId;
  if (action.kind === 'upsert' && typeof jobId === 'number') deps.afterResponse([jobId]);
  return result;
}
