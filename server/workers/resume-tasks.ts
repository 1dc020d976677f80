/**
 * What a worker thread of the resume pool runs (server/workers/resume-pool.ts): the same
 * functions the app calls in-process, through their usual exports.
 */
import { createLocalResumeParser } from '../ai/local-resume-parser.ts';
import type { ParsedResume } from '../ai/types.ts';
import { extractResumeText } from '../seekers/extract-text.ts';
import type { SkillLexicon } from '../skills/lexicon.ts';

export function extractText(input: { bytes: Uint8Array }): Promise<string> {
  return extractResumeText(input.bytes);
}

export function parseResume(input: { text: string; lexicon: SkillLexicon }): Promise<ParsedResume> {
  return createLocalResumeParser().parse(input.text, input.lexicon);
}
