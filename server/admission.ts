/**
 * Fair admission for the Node entry. PGlite runs Postgres as WebAssembly on the main thread, so a
 * request's queries run to completion without yielding, and one event-loop turn can serve every
 * socket that was ready: under load a turn takes seconds. Node accepts about one new connection
 * per turn (measured: 200 connections opened at once were still being accepted 12 s later, and
 * 40 of them timed out after 20 s). Starting at most a few requests per turn keeps the turns
 * short, so new connections are accepted within milliseconds and requests start in arrival order.
 */
export function createAdmissionQueue(perTurn: number) {
  const waiting: Array<() => void> = [];
  let scheduled = false;

  const startNextFew = () => {
    scheduled = false;
    for (let i = 0; i < perTurn && waiting.length > 0; i++) waiting.shift()!();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    scheduled = true;
    setImmediate(startNextFew);
  };

  return {
    /** Resolves when the request may start (in arrival order, at most `perTurn` per turn). */
    admit(): Promise<void> {
      return new Promise((resolve) => {
        waiting.push(resolve);
        if (!scheduled) schedule();
      });
    },
    get waiting() {
      return waiting.length;
    },
  };
}
