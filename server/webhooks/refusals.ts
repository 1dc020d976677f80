/**
 * Refused deliveries, counted per board, reason and day: an employer whose board signs with an
 * old secret sees it on the board's page. Only tallies are kept, never what the sender sent.
 */
import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { type RefusalReason, webhookRefusals } from '../../db/schema.ts';

/** Days of counters kept per board; the page shows the last week. */
const KEEP_DAYS = 30;
export const SHOWN_DAYS = 7;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const daysBefore = (at: Date, days: number) => utcDay(new Date(at.getTime() - days * 86_400_000));

/** Maps the Standard Webhooks library's refusal to a reason people can act on. */
export function reasonOfVerificationFailure(message: string): RefusalReason {
  if (/timestamp/i.test(message)) return 'stale_timestamp';
  if (/missing required headers|invalid signature headers/i.test(message)) return 'missing_headers';
  return 'bad_signature';
}

/**
 * One upsert per refusal. The first refusal of a day for a board also drops its counters older
 * than KEEP_DAYS, so the table stays bounded without a sweep.
 */
export async function countRefusal(db: Queryable, sourceId: string | null, reason: RefusalReason, now: Date) {
  const [row] = await db
    .insert(webhookRefusals)
    .values({ sourceId, reason, day: utcDay(now), count: 1, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [webhookRefusals.sourceId, webhookRefusals.reason, webhookRefusals.day],
      set: { count: sql`${webhookRefusals.count} + 1`, lastSeenAt: now },
    })
    .returning({ count: webhookRefusals.count });
  if (row?.count === 1) {
    const ofSource = sourceId === null ? isNull(webhookRefusals.sourceId) : eq(webhookRefusals.sourceId, sourceId);
    await db.delete(webhookRefusals).where(and(ofSource, lt(webhookRefusals.day, daysBefore(now, KEEP_DAYS))));
  }
}

export interface RefusalSummary {
  reason: RefusalReason;
  count: number;
  lastSeenAt: string;
}

/** The last SHOWN_DAYS of refusals of the given boards, by board, most frequent reason first. */
export async function recentRefusals(
  db: Queryable,
  sourceIds: string[],
  now: Date,
): Promise<Map<string, RefusalSummary[]>> {
  const bySource = new Map<string, RefusalSummary[]>(sourceIds.map((id) => [id, []]));
  if (sourceIds.length === 0) return bySource;
  const rows = await db
    .select({
      sourceId: webhookRefusals.sourceId,
      reason: webhookRefusals.reason,
      count: sql<number>`sum(${webhookRefusals.count})::int`,
      lastSeenAt: sql<string>`max(${webhookRefusals.lastSeenAt})`,
    })
    .from(webhookRefusals)
    .where(and(inArray(webhookRefusals.sourceId, sourceIds), gte(webhookRefusals.day, daysBefore(now, SHOWN_DAYS - 1))))
    .groupBy(webhookRefusals.sourceId, webhookRefusals.reason)
    .orderBy(desc(sql`sum(${webhookRefusals.count})`));
  for (const row of rows) {
    bySource.get(row.sourceId!)?.push({
      reason: row.reason as RefusalReason,
      count: row.count,
      lastSeenAt: new Date(row.lastSeenAt).toISOString(),
    });
  }
  return bySource;
}
