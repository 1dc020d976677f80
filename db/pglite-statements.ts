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

  /** pgvector's `vector` type once found (an extension's type has the database's own oid, above 16383). */
  let vectorOid: number | null = null;
  async function vectorTypeAmong(paramTypes: number[]): Promise<number | null> {
    if (vectorOid !== null || !paramTypes.some((type) => type >= FIRST_USER_OID)) return vectorOid;
    // Through the protocol, as the statement itself: PGlite's `query` would wait for the lock it holds.
    const [found] = parse.parseResults(
      await send(serialize.query(`select to_regtype('vector')::oid as oid`)),
      client.parsers,
    );
    const oid = (found?.rows[0] as { oid: number | string | null } | undefined)?.oid;
    vectorOid = oid === null || oid === undefined ? null : Number(oid);
    return vectorOid;
  }

  async function serializeParams(statement: Prepared, params: unknown[], options: QueryOptions | undefined) {
    const vectorOid = await vectorTypeAmong(statement.paramTypes);
    return params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[i]!;
      if (type === vectorOid && typeof value === 'string') return binaryVector(value) ?? value;
      const serializer = options?.serializers?.[type] ?? client.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
  }

  async function execute(statement: Prepared, params: unknown[], options: QueryOptions | undefined) {
    return send(
      serialize.bind({ statement: statement.name, values: await serializeParams(statement, params, options) }),
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

/** A plain decimal, which JavaScript's `Number` and Postgres's `strtof` read alike (each reads forms the other does not). */
const DECIMAL = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
/** Postgres's first oid for objects a database makes (`FirstNormalObjectId`): extensions' types start here. */
const FIRST_USER_OID = 16_384;
/** pgvector's limit on a vector's dimensions. */
const MAX_VECTOR_DIMENSIONS = 16_000;

/**
 * A vector's text ('[0.1,-2e-3,...]') in pgvector's binary form (`vector_recv`: dimensions, a
 * reserved zero, then each element as a big-endian float4), or null for anything not plainly a
 * vector of finite decimals, which goes as text so that Postgres names the error. PGlite parses a
 * vector's text in WebAssembly: 0.5 ms for the local embedder's 1,536 mostly-zero elements, 3 ms
 * for a dense one like OpenAI's, for each statement that sends one (a search's nearest stage).
 * Rounding the decimal to a double, then the double to a float4, gives the float4 `strtof` would.
 */
export function binaryVector(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  const elements = trimmed.slice(1, -1).split(',');
  if (elements.length > MAX_VECTOR_DIMENSIONS) return null;
  const bytes = new Uint8Array(4 + 4 * elements.length);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, elements.length);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    // The buffer starts as zeros: a local embedding is mostly "0", and skipping them halves the time.
    if (element === '0') continue;
    if (!DECIMAL.test(element)) return null;
    const value = Math.fround(Number(element));
    if (!Number.isFinite(value)) return null;
    view.setFloat32(4 + 4 * i, value);
  }
  return bytes;
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
