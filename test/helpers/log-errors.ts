/**
 * The app logs its failures to its own logger, not to console.error: an error line in a test's
 * log fails that test (test/setup.ts) unless the test said it expects it (`t.expectErrors`).
 */
const unexpected: string[] = [];
let allowed: RegExp[] = [];

export function recordLogLine(line: string): void {
  if (!line.includes('"level":"error"')) return;
  if (allowed.some((pattern) => pattern.test(line))) return;
  unexpected.push(line);
}

/** For the rest of the current test, error lines matching one of these patterns are expected. */
export function expectErrorLines(...patterns: RegExp[]): void {
  allowed.push(...patterns);
}

/** Called after each test: the unexpected error lines it produced, and a clean slate. */
export function takeUnexpectedErrorLines(): string[] {
  const lines = unexpected.splice(0);
  allowed = [];
  return lines;
}
