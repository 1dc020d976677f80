/**
 * The PGlite database of the Node entry, run in a worker thread (decision 0014). Postgres in
 * WebAssembly runs each query to completion without yielding; here that holds up this thread
 * only, and the HTTP server on the main thread keeps answering. db/pglite-remote.ts is the other
 * end: it sends queries and transactions here as messages.
 */
import type { PGlite } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './client.ts';
import type { openPgliteInThread, ThreadReply, ThreadRequest } from './pglite-remote.ts';
import { type StatementTransaction, withPreparedStatements } from './pglite-statements.ts';

interface OpenTransaction {
  tx: StatementTransaction;
  finish(commit: boolean): void;
  done: Promise<void>;
}

/** The options drizzle passes to `query`: its parsers keep some types' text as is (they cannot cross threads). */
const queryOptions = (request: Extract<ThreadRequest, { kind: 'query' }>) => ({
  rowMode: request.rowMode,
  parsers: Object.fromEntries(request.keepTextOf.map((oid) => [oid, (value: string) => value])),
});

/** What a Postgres error carries (code, constraint, detail, ...), as plain data. */
function errorData(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { ...fields, message: error.message, name: error.name };
}

function serve(pglite: PGlite, port: NonNullable<typeof parentPort>) {
  const client = withPreparedStatements(pglite);
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;
  const target = (tx: number | undefined) => {
    if (tx === undefined) return client;
    const open = transactions.get(tx);
    if (!open) throw new Error('This transaction has already ended.');
    return open.tx;
  };

  const begin = () =>
    new Promise<number>((started, failed) => {
      const id = nextTransaction++;
      let finish: (commit: boolean) => void = () => {};
      const ended = new Promise<boolean>((resolve) => {
        finish = resolve;
      });
      const done = client
        .transaction(async (tx) => {
          transactions.set(id, { tx, finish, done });
          started(id);
          if (!(await ended)) await tx.rollback();
        })
        .finally(() => transactions.delete(id));
      done.catch(failed);
    });

  const end = async (tx: number, commit: boolean) => {
    const open = transactions.get(tx);
    if (!open) throw new Error('This transaction has already ended.');
    open.finish(commit);
    await open.done;
  };

  const handle = async (request: ThreadRequest): Promise<unknown> => {
    switch (request.kind) {
      case 'query':
        return target(request.tx).query(request.sql, request.params, queryOptions(request));
      case 'exec':
        return target(request.tx).exec(request.sql);
      case 'begin':
        return begin();
      case 'end':
        return end(request.tx, request.commit);
      case 'close':
        await pglite.close();
        return null;
    }
  };

  port.on('message', (request: ThreadRequest) => {
    handle(request).then(
      (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ThreadReply),
      (error: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: errorData(error) } satisfies ThreadReply),
    );
  });
}

/**
 * PGlite has no autovacuum: without this the planner never has statistics and, at any size,
 * joins the personal feed's rows by scanning (measured: 2.3 ms before, 0.7 ms after on the demo data).
 */
const ANALYZE_EVERY_MS = 10 * 60_000;
function keepStatistics(client: PGlite) {
  const analyze = () => client.exec('analyze').catch(() => {});
  void analyze();
  setInterval(analyze, ANALYZE_EVERY_MS).unref();
}

if (parentPort) {
  const port = parentPort;
  // What openPgliteInThread sends: the shape is written once, where the thread is started.
  const { dataDir, sharedBuffers } = workerData as NonNullable<Parameters<typeof openPgliteInThread>[0]>;
  openPglite({ dataDir, sharedBuffers }).then(
    ({ client }) => {
      serve(client, port);
      keepStatistics(client);
      port.postMessage({ id: 0, ok: true, result: 'ready' } satisfies ThreadReply);
    },
    (error: unknown) => port.postMessage({ id: 0, ok: false, error: errorData(error) } satisfies ThreadReply),
  );
}
