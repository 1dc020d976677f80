import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export type Health = { status: 'ok'; database: 'up'; pgvector: string } | { status: 'unavailable'; database: 'down' | 'no-pgvector' };

export async function checkHealth(db: Database): Promise<Health> {
  try {
    const result = await db.execute(sql`select extversion from pg_extension where extname = 'vector'`);
    // Every driver we use (PGlite, pg, Neon) answers raw queries with { rows }.
    const version = (result as unknown as { rows: { extversion?: string }[] }).rows[0]?.extversion;
    return version ? { status: 'ok', database: 'up', pgvector: version } : { status: 'unavailable', database: 'no-pgvector' };
  } catch {
    return { status: 'unavailable', database: 'down' };
  }
}
