/**
 * PGlite's `query` through named prepared statements, kept by their text (decision 0016).
 * PGlite parses, analyses and plans every query afresh, an unnamed statement each time, in six
 * round trips into WebAssembly. Here a text is prepared once (Parse and Describe), then each call
 * is one Bind, Execute and Sync. Postgres keeps the plan: after five custom plans it keeps a generic
 * one if that costs no more (`plan_cache_mode` auto), as it does for any driver that prepares
 * statements (node-postgres's named queries, postgres.js). On Neon each HTTP request is its own
 * session, so this is PGlite's path only; the SQL is the same.
 */
import { type PGlite, type QueryOptions, type Results, type Transaction, parse, protocol } from '@electric-sql/pglite';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

interface Prepared {
  name: string;
  paramTypes: number[];
  /** Absent for statements that return no rows (an insert without `returning`). */
  rowDescription: BackendMessage | undefined;
}

/** The part of PGlite drizzle calls: `query`, `exec` and `transaction` with the same inside. */
export interface StatementClient {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(body: (tx: StatementTransaction) => Promise<T>): Promise<T>;
}

export interface StatementTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
}

/** Names statements uniquely in the process: two caches may share one PGlite (migrations, then serving). */
let preparedSoFar = 0;

/** Enough for every statement the app writes; texts that vary (long `in` lists) age out. */
const DEFAULT_CAPACITY = 400;
/**
 * Statements past these run as PGlite runs them, unnamed: a batch insert's text changes with its
 * row count, and Postgres would keep the parse tree of every size it saw (thousands of parameters).
 */
const MAX_KEPT_PARAMS = 256;
const MAX_KEPT_TEXT = 16_384;
const worthKeeping = (text: string, params: unknown[]) =>
  params.length <= MAX_KEPT_PARAMS && text.length <= MAX_KEPT_TEXT;

export function withPreparedStatements(client: PGlite, capacity = DEFAULT_CAPACITY): StatementClient {
  const { serialize } = protocol;
  /** In order of last use: the first is the one to drop. */
  const statements = new Map<string, Prepared>();
  /** Dropped statements, closed when no transaction is open (an aborted one refuses everything). */
  const toClose: string[] = [];

  const send = (...messages: Uint8Array[]) => client.execProtocolStream(concat(messages), { syncToFs: false });

  async function prepare(text: string): Promise<Prepared> {
    const name = `prepared_${++preparedSoFar}`;
    const described = await send(
      serialize.parse({ name, text }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    );
    return {
      name,
      paramTypes: parse.parseDescribeStatementResults(described),
      rowDescription: described.find((message) => message.name === 'rowDescription'),
    };
  }

  async function statementFor(text: string, inTransaction: boolean): Promise<Prepared> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    const prepared = await prepare(text);
    statements.set(text, prepared);
    if (statements.size > capacity) {
      const [oldestText, oldest] = statements.entries().next().value!;
      statements.delete(oldestText);
      toClose.push(oldest.name);
    }
    if (!inTransaction && toClose.length > 0)
      await send(...toClose.splice(0).map((name) => serialize.close({ type: 'S', name })), serialize.sync());
    return prepared;
  }

  function serializeParams(statement: Prepared, params: unknown[], options: QueryOptions | undefined) {
    return params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[i]!;
      const serializer = options?.serializers?.[type] ?? client.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
  }

  async function execute(statement: Prepared, params: unknown[], options: QueryOptions | undefined) {
    return send(
      serialize.bind({ statement: statement.name, values: serializeParams(statement, params, options) }),
      serialize.execute({}),
      serialize.sync(),
    );
  }

  async function run<T>(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean) {
    let statement = await statementFor(text, inTransaction);
    let messages: BackendMessage[];
    try {
      messages = await execute(statement, params, options);
    } catch (error) {
      if (!resultsChangedShape(error)) throw error;
      // A table changed under the statement (a migration): prepared anew, it reads the new shape.
      // Inside a transaction the error has already aborted it, so only the next call can.
      statements.delete(text);
      toClose.push(statement.name);
      if (inTransaction) throw error;
      statement = await statementFor(text, inTransaction);
      messages = await execute(statement, params, options);
    }
    if (!inTransaction) await client.syncToFs();
    const withFields = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    return parse.parseResults(withFields, client.parsers, options)[0] as Results<T>;
  }

  // As PGlite's own query: refused once closed ("PGlite is closed"), then its locks.
  const query =
    (tx: Transaction | null) =>
    async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
      if (!worthKeeping(text, params)) return (tx ?? client).query<T>(text, params, options);
      await client._checkReady();
      return tx
        ? client._runExclusiveQuery(() => run<T>(text, params, options, true))
        : client._runExclusiveTransaction(() => client._runExclusiveQuery(() => run<T>(text, params, options, false)));
    };

  return {
    query: query(null),
    exec: (sql) => client.exec(sql),
    transaction: (body) =>
      client.transaction((tx) =>
        body({ query: query(tx), exec: (sql) => tx.exec(sql), rollback: () => tx.rollback() }),
      ),
  };
}

/** Postgres's "cached plan must not change result type". */
const resultsChangedShape = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String(error));

function concat(messages: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    joined.set(message, offset);
    offset += message.length;
  }
  return joined;
}
