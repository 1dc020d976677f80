/**
 * PGlite in a worker thread, used through drizzle from the main thread (decision 0014): the
 * queries, transactions and their errors cross as messages to db/pglite-thread.ts. PGlite's own
 * locks still order everything there: a query from outside an open transaction waits for it,
 * as it does in process.
 */
import type { PGlite, Results } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { Worker } from 'node:worker_threads';
import type { Database } from './database.ts';
import * as schema from './schema.ts';

type RowMode = 'object' | 'array';

export type ThreadRequest = { id: number } & (
  | { kind: 'query'; sql: string; params: unknown[]; rowMode: RowMode; keepTextOf: number[]; tx?: number }
  | { kind: 'exec'; sql: string; tx?: number }
  | { kind: 'begin' }
  | { kind: 'end'; tx: number; commit: boolean }
  | { kind: 'close' }
);

type Request = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

export type ThreadReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string } & Record<string, unknown> };

/** A Postgres error from the thread, with its fields (code, constraint, detail, ...) as PGlite gave them. */
export class RemoteDatabaseError extends Error {
  constructor(fields: { message: string } & Record<string, unknown>) {
    super(fields.message);
    Object.assign(this, fields);
    this.name = 'DatabaseError';
  }
}

interface QueryOptions {
  rowMode?: RowMode;
  parsers?: Record<number, unknown>;
}

/** The part of PGlite's API drizzle calls: `query`, and `transaction` with `query` inside. */
function remoteClient(call: (request: Request) => Promise<unknown>, close: () => Promise<void>) {
  const query =
    (tx?: number) =>
    <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
      call({
        kind: 'query',
        sql,
        params,
        rowMode: options.rowMode ?? 'object',
        keepTextOf: Object.keys(options.parsers ?? {}).map(Number),
        ...(tx === undefined ? {} : { tx }),
      }) as Promise<Results<T>>;
  const exec = (tx?: number) => (sql: string) =>
    call({ kind: 'exec', sql, ...(tx === undefined ? {} : { tx }) }) as Promise<Results[]>;

  return {
    query: query(),
    exec: exec(),
    async transaction<T>(body: (tx: { query: ReturnType<typeof query>; exec: ReturnType<typeof exec> }) => Promise<T>) {
      const tx = (await call({ kind: 'begin' })) as number;
      let result: T;
      try {
        result = await body({ query: query(tx), exec: exec(tx) });
      } catch (error) {
        await call({ kind: 'end', tx, commit: false });
        throw error;
      }
      await call({ kind: 'end', tx, commit: true });
      return result;
    },
    close,
  };
}

/** Opens (and migrates) PGlite in `dataDir` (in memory without one) on a worker thread; resolves once it is ready. */
export async function openPgliteInThread(
  options: { dataDir?: string; sharedBuffers?: string } = {},
): Promise<{ db: Database; close(): Promise<void> }> {
  const worker = new Worker(new URL('./pglite-thread.ts', import.meta.url), { workerData: options });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let stopped: Error | null = null;

  const ready = new Promise<unknown>((resolve, reject) => waiting.set(0, { resolve, reject }));
  worker.on('message', (reply: ThreadReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) pending?.resolve(reply.result);
    else pending?.reject(new RemoteDatabaseError(reply.error));
  });
  const fail = (error: Error) => {
    stopped = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('error', (error) => fail(new Error('The database thread failed.', { cause: error })));
  worker.on('exit', () => fail(new Error('The database thread has stopped.')));

  const call = (request: Request) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

  await ready;
  const close = async () => {
    await call({ kind: 'close' }).catch(() => {});
    await worker.terminate();
  };
  const client = remoteClient(call, close);
  // drizzle types its client as the PGlite class, but calls only what remoteClient provides.
  const db = drizzle(client as unknown as PGlite, { schema });
  return { db, close };
}
