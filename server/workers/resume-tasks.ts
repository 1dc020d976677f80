/**
 * What a worker thread of the resume pool runs (server/workers/resume-pool.ts): the same
 * functions the app calls in-process, through their usual exports. An error crosses the thread
 * boundary as a plain Error, so a refusal meant for the seeker (a TRPCError) is returned as data.
 */
import { TRPCError } from '@trpc/server';
import { createLocalResumeParser } from '../ai/local-resume-parser.ts';
import type { ParsedResume } from '../ai/types.ts';
import { extractResumeText } from '../seekers/extract-text.ts';
import type { SkillLexicon } from '../skills/lexicon.ts';

export type TaskResult<T> = { ok: true; value: T } | { ok: false; code: TRPCError['code']; message: string };

async function settled<T>(work: () => Promise<T>): Promise<TaskResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export function extractText(input: { bytes: Uint8Array }): Promise<TaskResult<string>> {
  return settled(() => extractResumeText(input.bytes));
}

export function parseResume(input: { text: string; lexicon: SkillLexicon }): Promise<TaskResult<ParsedResume>> {
  return settled(() => createLocalResumeParser().parse(input.text, input.lexicon));
}
