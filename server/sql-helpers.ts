import { TRPCError } from '@trpc/server';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { MAX_RECORD_ID } from './ids.ts';

/** The rows of a raw `db.execute`: every driver we use (PGlite, pg, Neon) answers with { rows }. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * A statement's rows as one JSON value, in `order` (over its columns, as `r.*`). PGlite parses
 * every field of every row in JavaScript, and under the personal feed's load that was a sixth of
 * its thread (issue 23); one JSON text is parsed natively. In JSON a timestamp is ISO text and a
 * numeric a number: cast a numeric to text in the statement where its digits must stay as stored.
 */
export async function rowsAsJson<T>(db: Queryable, statement: SQL, order: SQL): Promise<T[]> {
  const [result] = rowsOf<{ rows: string }>(
    await db.execute(sql`select coalesce(json_agg(r order by ${order}), '[]')::text as rows from (${statement}) r`),
  );
  return JSON.parse(result?.rows ?? '[]');
}

/** Text for a LIKE pattern, its wildcards taken literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A keyset cursor `score:id` of a list ranked by (score desc, id asc). */
export function decodeScoreCursor(cursor: string | undefined, message: string): { score: number; id: number } | null {
  if (!cursor) return null;
  const [score, id] = cursor.split(':').map(Number);
  if (!Number.isFinite(score) || !Number.isInteger(id) || id! < 0 || id! > MAX_RECORD_ID)
    throw new TRPCError({ code: 'BAD_REQUEST', message });
  return { score: score!, id: id! };
}
