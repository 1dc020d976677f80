/**
 * Text from an uploaded resume: PDF (extract-pdf.ts), DOCX (extract-docx.ts) or plain text,
 * keeping its lines, paragraphs, tables and columns in reading order. The kind is decided by
 * the file's bytes, not its name: an executable renamed .pdf is refused. A plain function of
 * the bytes, so it runs in Node, in workerd and in a worker thread alike; every extractor
 * works within limits (EXTRACTION_LIMITS) and names the one a file goes past.
 */
import { TRPCError } from '@trpc/server';
import { DOCX_LIMITS, docxToText } from './extract-docx.ts';
import { PDF_LIMITS, pdfToText } from './extract-pdf.ts';

export const MAX_RESUME_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_RESUME_UPLOAD_LABEL = `${MAX_RESUME_UPLOAD_BYTES / 1024 / 1024} MB`;
/** One sentence for a file over the limit, wherever it is noticed (the router, the extractor). */
export const FILE_TOO_LARGE = `The file is larger than ${MAX_RESUME_UPLOAD_LABEL}. Upload a smaller file or paste the text.`;

export const EXTRACTION_LIMITS = {
  uploadBytes: MAX_RESUME_UPLOAD_BYTES,
  /** Characters of text taken from one file (what seekers.setResume accepts). */
  characters: 200_000,
  docxEntries: DOCX_LIMITS.entries,
  docxInflatedBytes: DOCX_LIMITS.inflatedBytes,
  pdfPages: PDF_LIMITS.pages,
} as const;

const UNSUPPORTED = 'Upload your resume as a PDF, a Word document (.docx) or a plain text file.';

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function plainText(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new TRPCError({ code: 'BAD_REQUEST', message: UNSUPPORTED });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This text file is not UTF-8. Save it as UTF-8, or upload a PDF or .docx.',
    });
  }
}

/** Collapses blank lines and trailing spaces with loops: a regular expression like /[ \t]+\n/ is quadratic on a long run of spaces. */
function tidy(text: string): string {
  const out: string[] = [];
  let blank = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let end = raw.length;
    while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
    const line = raw.slice(0, end);
    if (!line.trim()) {
      blank += 1;
      continue;
    }
    if (out.length && blank) out.push('');
    blank = 0;
    out.push(line);
  }
  return out.join('\n');
}

export async function extractResumeText(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_RESUME_UPLOAD_BYTES) {
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: FILE_TOO_LARGE });
  }
  if (bytes.byteLength === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The file is empty.' });
  let text: string;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    text = await pdfToText(bytes, EXTRACTION_LIMITS.characters); // %PDF-
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    text = docxToText(bytes, EXTRACTION_LIMITS.characters); // a zip
  else if (
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])
  ) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `This file is a program, not a document. ${UNSUPPORTED}` });
  } else text = plainText(bytes);
  if (text.length > EXTRACTION_LIMITS.characters) {
    throw new TRPCError({
      code: 'PAYLOAD_TOO_LARGE',
      message: `This file holds more than ${EXTRACTION_LIMITS.characters.toLocaleString('en-US')} characters of text, more than a resume. Upload a shorter version, or paste the text.`,
    });
  }
  const cleaned = tidy(text).trim();
  if (!cleaned)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'No text was found in this file. If it is a scan, paste the text instead.',
    });
  return cleaned;
}
