import { afterEach, beforeEach, vi } from 'vitest';
import { takeUnexpectedErrorLines } from './helpers/log-errors.ts';

// Noise is a bug: a console.error during a test fails it (the Epic Stack rule).
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  const logged = takeUnexpectedErrorLines();
  if (errors.length > 0)
    throw new Error(
      `console.error was called during the test: ${errors.map((a) => a.map(String).join(' ')).join('\n')}`,
    );
  if (logged.length > 0) throw new Error(`the app logged an error the test did not expect:\n${logged.join('\n')}`);
});
