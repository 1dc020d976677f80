import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppEnv, RouteDeps } from './http/app-env.ts';
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

/** GET /health: the database and pgvector's version, for load balancers and uptime checks. */
export function healthRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', deps.withDatabase, async (c) => {
    const health = await checkHealth(c.var.db);
    c.header('Cache-Control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
  return routes;
}
