import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { rowsOf } from './sql-helpers.ts';

export type Health =
  | { status: 'ok'; database: 'up'; pgvector: string }
  | { status: 'unavailable'; database: 'down' | 'no-pgvector' };

export async function checkHealth(db: Database): Promise<Health> {
  try {
    const result = await db.execute(sql`select extversion from pg_extension where extname = 'vector'`);
    const version = rowsOf<{ extversion?: string }>(result)[0]?.extversion;
    return version
      ? { status: 'ok', database: 'up', pgvector: version }
      : { status: 'unavailable', database: 'no-pgvector' };
  } catch {
    return { status: 'unavailable', database: 'down' };
  }
}
