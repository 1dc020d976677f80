import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';
import { openPgliteInThread } from './pglite-remote.ts';
import { withPreparedStatements } from './pglite-statements.ts';
import * as schema from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenedDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface PgliteOptions {
  /** The data folder; in memory when undefined. */
  dataDir?: string;
  loadDataDir?: Blob;
  /**
   * Postgres's page cache, like "384MB"; PGlite's own 128MB when undefined. Postgres reserves and
   * touches all of it at start (384MB added 280 MB to the process), so only the server and the
   * bench ask for more: past about 10,000 jobs the HNSW index alone outgrows 128MB, and a search
   * then reads pages from PGlite's file system that the one before it evicted (about 2.5 ms of a
   * search at 20,000 jobs; decision 0019).
   */
  sharedBuffers?: string;
}

/** PGlite (Postgres in WASM) with pgvector, in a data folder or in memory when `dataDir` is undefined. */
export async function openPglite(options: PgliteOptions = {}): Promise<OpenedDatabase & { client: PGlite }> {
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { vector, pg_trgm },
    ...(options.sharedBuffers
      ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`] }
      : {}),
  });
  // drizzle types its client as the PGlite class, but calls only query, exec and transaction.
  const db = drizzlePglite(withPreparedStatements(client) as unknown as PGlite, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, kind: 'pglite', client, close: () => client.close() };
}

/** Any Postgres with pgvector, reached through node-postgres (Node only). */
export async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzleNodePostgres(pool, { schema });
  await migrateNodePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, kind: 'postgres', close: () => pool.end() };
}

/**
 * The Node entry's choice: DATABASE_URL when set, else PGlite in DATA_DIR, on a worker thread
 * when `pgliteInThread` (the server, so queries do not hold up HTTP; decision 0014), else in process.
 */
export async function openNodeDatabase(
  config: { databaseUrl?: string; dataDir: string; pgliteSharedBuffers?: string },
  options: { pgliteInThread?: boolean } = {},
): Promise<OpenedDatabase> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const pglite = { dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers };
  if (options.pgliteInThread) return { ...(await openPgliteInThread(pglite)), kind: 'pglite' };
  return openPglite(pglite);
}
