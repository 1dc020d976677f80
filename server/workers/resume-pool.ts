/**
 * Resume work off the event loop (Node only): a small pool of worker threads (piscina) with a
 * deadline per task. Past the deadline the thread is terminated, whatever it was doing, and the
 * seeker hears which limit was reached; the server meanwhile answered everyone else.
 */
import { TRPCError } from '@trpc/server';
import Piscina from 'piscina';
import { LOCAL_PARSER_MODEL } from '../ai/local-resume-parser.ts';
import type { ParsedResume } from '../ai/types.ts';
import type { SkillLexicon } from '../skills/lexicon.ts';
import type { TaskResult } from './resume-tasks.ts';
import type { ResumeWork } from './resume-work.ts';

export interface ResumePoolOptions {
  /** Wall time for one task, queueing included (an upload is two: the text, then the parser). */
  deadlineMs: number;
  /** Threads at most (the machine's cores are shared with PGlite on the main thread). */
  maxThreads: number;
  /** Heap of one thread: a file that needs more is refused instead of growing the process. */
  maxHeapMb: number;
  /** Tasks waiting for a thread; more are refused as "busy". */
  maxQueue: number;
}

export const DEFAULT_RESUME_POOL: ResumePoolOptions = {
  deadlineMs: 5_000,
  maxThreads: 2,
  maxHeapMb: 256,
  maxQueue: 16,
};

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} seconds`;

export function createResumePool(
  options: ResumePoolOptions = DEFAULT_RESUME_POOL,
): ResumeWork & { close(): Promise<void> } {
  const pool = new Piscina({
    filename: new URL('./resume-tasks.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: options.maxThreads,
    maxQueue: options.maxQueue,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
  });

  async function run<T>(name: string, input: unknown, what: string): Promise<T> {
    const signal = AbortSignal.timeout(options.deadlineMs);
    let result: TaskResult<T>;
    try {
      result = (await pool.run(input, { name, signal })) as TaskResult<T>;
    } catch (error) {
      if (signal.aborted) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `${what} took longer than the limit of ${seconds(options.deadlineMs)} and was stopped. Upload a simpler file or paste the text.`,
        });
      }
      if (error instanceof Error && /queue is at limit/i.test(error.message)) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: 'Many resumes are being read right now. Try again in a minute.',
        });
      }
      if (
        error instanceof Error &&
        /ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(`${(error as { code?: string }).code} ${error.message}`)
      ) {
        throw new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `${what} needed more than the limit of ${options.maxHeapMb} MB of memory and was stopped. Upload a simpler file or paste the text.`,
        });
      }
      throw error;
    }
    if (!result.ok) throw new TRPCError({ code: result.code, message: result.message });
    return result.value;
  }

  return {
    extractText: (bytes) => run<string>('extractText', { bytes }, 'Reading this file'),
    localParser: {
      model: LOCAL_PARSER_MODEL,
      parse: (text: string, lexicon: SkillLexicon) =>
        run<ParsedResume>('parseResume', { text, lexicon }, 'Reading this resume'),
    },
    close: () => pool.destroy(),
  };
}
