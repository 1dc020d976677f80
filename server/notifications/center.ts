/** The in-app notification center: a person's own notifications, newest first, and their read state. */
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { notifications } from '../../db/schema.ts';

export const PAGE_SIZE = 20;

/** The keyset of the last row shown: `<created at in ms>.<id>`. */
const cursorOf = (row: { createdAt: Date; id: number }) => `${row.createdAt.getTime()}.${row.id}`;

function parseCursor(cursor: string): { at: Date; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(cursor);
  return match ? { at: new Date(Number(match[1])), id: Number(match[2]) } : null;
}

export async function listNotifications(
  db: Queryable,
  userId: number,
  input: { cursor?: string | null; limit?: number; unreadOnly?: boolean },
) {
  const limit = input.limit ?? PAGE_SIZE;
  const after = input.cursor ? parseCursor(input.cursor) : null;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, after.at),
              and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null })),
    nextCursor: rows.length > limit && last ? cursorOf(last) : null,
  };
}

export async function unreadCount(db: Queryable, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notifications (only the person's own; others' ids are ignored) or all of them read. */
export async function markRead(
  db: Queryable,
  userId: number,
  which: { ids: number[] } | { all: true },
  now: Date,
): Promise<{ marked: number; unread: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        'ids' in which ? inArray(notifications.id, which.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length, unread: await unreadCount(db, userId) };
}
