/**
 * Text from an uploaded resume: PDF (pdf.js, serverless build), DOCX (its word/document.xml)
 * or plain text. The kind is decided by the file's bytes, not its name: an executable renamed
 * .pdf is refused. Runs in Node and in workerd alike.
 */
import { TRPCError } from '@trpc/server';
import { unzipSync } from 'fflate';

export const MAX_RESUME_UPLOAD_BYTES = 5 * 1024 * 1024;

const UNSUPPORTED = 'Upload your resume as a PDF, a Word document (.docx) or a plain text file.';

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return XML_ENTITIES[entity] ?? whole;
  });
}

const DAMAGED_DOCX = 'This Word document could not be opened. Save it again as .docx or PDF and retry.';

function wordXml(document: Uint8Array): string | null {
  try {
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(document);
    return xml.includes('\0') || !/<w:document[\s>]/.test(xml) ? null : xml;
  } catch {
    return null;
  }
}

export function docxToText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' && file.originalSize < 20 * 1024 * 1024 });
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: DAMAGED_DOCX });
  }
  const document = files['word/document.xml'];
  if (!document) throw new TRPCError({ code: 'BAD_REQUEST', message: UNSUPPORTED });
  // A damaged archive can still inflate to bytes that are not the document's XML; reading them
  // as text would pass noise on (then "too short to be a resume"), so it is called damaged.
  const xml = wordXml(document);
  if (xml === null) throw new TRPCError({ code: 'BAD_REQUEST', message: DAMAGED_DOCX });
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>|<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeXmlText(text);
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This PDF could not be read. If it is a scan, upload a text PDF or paste the text instead.' });
  }
}

function plainText(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new TRPCError({ code: 'BAD_REQUEST', message: UNSUPPORTED });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This text file is not UTF-8. Save it as UTF-8, or upload a PDF or .docx.' });
  }
}

export async function extractResumeText(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_RESUME_UPLOAD_BYTES) {
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 5 MB. Upload a smaller file or paste the text.' });
  }
  if (bytes.byteLength === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The file is empty.' });
  let text: string;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) text = await pdfToText(bytes); // %PDF-
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) text = docxToText(bytes); // a zip
  else if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `This file is a program, not a document. ${UNSUPPORTED}` });
  } else text = plainText(bytes);
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!cleaned) throw new TRPCError({ code: 'BAD_REQUEST', message: 'No text was found in this file. If it is a scan, paste the text instead.' });
  return cleaned;
}
