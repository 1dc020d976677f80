/**
 * The CPU-heavy reading of a resume (text from a PDF or DOCX, the local parser), as a dependency
 * of the app. The worker runs it in-process (Workers bound each request's CPU time themselves);
 * the Node entry runs it in a pool of worker threads with a deadline (resume-pool.ts), so one
 * hostile file cannot hold the event loop that answers everyone else.
 */
import { createLocalResumeParser } from '../ai/local-resume-parser.ts';
import type { ResumeParser } from '../ai/types.ts';
import { extractResumeText } from '../seekers/extract-text.ts';

export interface ResumeWork {
  /** The text of an uploaded file: PDF, DOCX or plain text. */
  extractText(bytes: Uint8Array): Promise<string>;
  /** The local resume parser (used when no model is configured, and as the fallback). */
  localParser: ResumeParser;
}

export const inProcessResumeWork: ResumeWork = {
  extractText: extractResumeText,
  localParser: createLocalResumeParser(),
};
