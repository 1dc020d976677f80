export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event. Callers pass ids and outcomes, never secrets or personal text. */
export function jsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  const log = (level: string, message: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  return { info: (m, f) => log('info', m, f), error: (m, f) => log('error', m, f) };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };

/**
 * An error as a log field: its name and the first line of its message, without the query
 * parameters drizzle appends ("params: ..."), which may hold a resume, a hash or a secret.
 */
export function errorSummary(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const cause = e.cause instanceof Error ? ` (cause: ${e.cause.name}: ${firstLine(e.cause.message)})` : '';
  return `${e.name}: ${firstLine(e.message)}${cause}`.slice(0, 500);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/\bparams:.*$/i, '').slice(0, 300);
}
