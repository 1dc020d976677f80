import { TRPCError } from '@trpc/server';
import { MAX_RECORD_ID } from './ids.ts';

/** The rows of a raw `db.execute`: every driver we use (PGlite, pg, Neon) answers with { rows }. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

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
