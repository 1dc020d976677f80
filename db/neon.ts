import { Pool, neonConfig } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { Database } from './database.ts';
import * as schema from './schema.ts';

export interface NeonOptions {
  /**
   * Local development and tests only: a WebSocket-to-TCP proxy (`host:port/v1`) in front of a
   * plain Postgres or PGlite, instead of Neon's own endpoint.
   */
  wsProxy?: string;
}

/** A Neon pool for one request; the caller ends it after the response (waitUntil). */
export function openNeon(url: string, options: NeonOptions = {}): { db: Database; close(): Promise<void> } {
  if (options.wsProxy) {
    const proxy = options.wsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  const pool = new Pool({ connectionString: url });
  const db = drizzle({ client: pool, schema });
  return { db, close: () => pool.end() };
}
