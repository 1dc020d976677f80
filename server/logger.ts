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
