/**
 * Text of a Word document (.docx) that keeps its structure: paragraphs, lists ("• "), tabs,
 * line breaks, tables (a row of one-line cells on one line, cells separated by tabs; cells
 * with several paragraphs one after the other, in reading order), text boxes (after the
 * paragraph that anchors them), and the page headers and footers (before and after the body).
 *
 * The package is read as a stream with limits counted on what is really inflated, not on what
 * the zip declares: how many entries, how many bytes come out, how many characters of text.
 */
import { Buffer } from 'node:buffer';
import { TRPCError } from '@trpc/server';
import { Unzip, UnzipInflate } from 'fflate';

export const DOCX_LIMITS = {
  /** Entries in the zip: a real resume has 10 to 40. */
  entries: 2_000,
  /** Bytes inflated from the parts read (document, headers, footers). */
  inflatedBytes: 16 * 1024 * 1024,
} as const;

/** Compressed bytes handed to the inflater at once, so a bomb is stopped after one step's output. */
const CHUNK = 1024;

const unreadable = () =>
  new TRPCError({
    code: 'BAD_REQUEST',
    message: 'This Word document could not be opened. Save it again as .docx or PDF and retry.',
  });

const isTextPart = (name: string) => name === 'word/document.xml' || /^word\/(?:header|footer)\d{0,3}\.xml$/.test(name);

/** The XML parts that hold text, inflated within the limits. */
function readParts(bytes: Uint8Array): Map<string, string> {
  const chunks = new Map<string, Uint8Array[]>();
  const names = new Set<string>();
  let entries = 0;
  let inflated = 0;
  let failure: TRPCError | null = null;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > DOCX_LIMITS.entries) {
      failure ??= new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `This Word document has more than ${DOCX_LIMITS.entries.toLocaleString('en-US')} parts, more than a resume needs. Save it as PDF, or paste the text.`,
      });
      return;
    }
    if (names.has(file.name)) {
      failure ??= new TRPCError({
        code: 'BAD_REQUEST',
        message: `This Word document holds the part ${file.name.slice(0, 80)} twice, which Word never writes. Save it again as .docx or PDF and retry.`,
      });
      return;
    }
    names.add(file.name);
    if (!isTextPart(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, data) => {
      if (failure) return;
      if (error) {
        failure = unreadable();
        return;
      }
      inflated += data.length;
      if (inflated > DOCX_LIMITS.inflatedBytes) {
        failure = new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `This Word document expands to more than ${DOCX_LIMITS.inflatedBytes / 1024 / 1024} MB of text, more than a resume holds. Save it as PDF, or paste the text.`,
        });
        file.terminate();
        return;
      }
      parts.push(data);
    };
    try {
      file.start();
    } catch {
      failure ??= unreadable();
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK)
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch {
    failure ??= unreadable();
  }
  if (failure) throw failure;
  const decoder = new TextDecoder();
  return new Map(
    [...chunks].map(([name, parts]) => [
      name,
      parts.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode(),
    ]),
  );
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(xml: string): string {
  if (!xml.includes('&')) return xml;
  return xml.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** Where paragraphs go: the body, a table cell or a text box. */
interface Sink {
  lines: string[];
  paragraph: string;
  listItem: boolean;
  /** Text boxes anchored in the open paragraph, written after it. */
  anchored: string[];
}

const newSink = (): Sink => ({ lines: [], paragraph: '', listItem: false, anchored: [] });

function endParagraph(sink: Sink) {
  sink.lines.push(`${sink.listItem && sink.paragraph.trim() ? '• ' : ''}${sink.paragraph}`);
  sink.lines.push(...sink.anchored);
  sink.paragraph = '';
  sink.listItem = false;
  sink.anchored = [];
}

/** A row: one-line cells side by side, or the cells' paragraphs one cell after another. */
function rowLines(cells: string[][]): string[] {
  const filled = cells.map((c) => c.filter((l) => l.trim()));
  if (filled.every((c) => c.length <= 1)) {
    const line = filled.flat().join('\t');
    return line ? [line] : [];
  }
  return filled.flatMap((c) => [...c, '']);
}

/** WordprocessingML to lines of text, in one pass over the tags. */
export function wordXmlToLines(xml: string): string[] {
  const sinks: Sink[] = [newSink()];
  const tables: { cells: string[][] }[] = [];
  let inText = false;
  let skipDepth = 0; // inside mc:Fallback (a copy of mc:Choice) or w:tabs (tab stops, not tabs)
  let at = 0;
  const top = () => sinks[sinks.length - 1]!;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    if (open < 0) break;
    if (inText && skipDepth === 0 && open > at) top().paragraph += decodeXmlText(xml.slice(at, open));
    const close = xml.indexOf('>', open);
    if (close < 0) break;
    at = close + 1;
    const closing = xml[open + 1] === '/';
    const selfClosing = xml[close - 1] === '/';
    let end = open + (closing ? 2 : 1);
    while (
      end < close &&
      xml[end] !== ' ' &&
      xml[end] !== '/' &&
      xml[end] !== '\t' &&
      xml[end] !== '\n' &&
      xml[end] !== '\r'
    )
      end++;
    const name = xml.slice(open + (closing ? 2 : 1), end);
    if (name === 'mc:Fallback' || name === 'w:tabs') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (!closing) top().paragraph += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing) top().paragraph += '\n';
        break;
      case 'w:noBreakHyphen':
        if (!closing) top().paragraph += '-';
        break;
      case 'w:numPr':
        if (!closing) top().listItem = true;
        break;
      case 'w:p':
        if (closing || selfClosing) endParagraph(top());
        break;
      case 'w:txbxContent':
        if (!closing && !selfClosing) sinks.push(newSink());
        else if (closing && sinks.length > 1) {
          const box = sinks.pop()!;
          if (box.paragraph) endParagraph(box);
          top().anchored.push(...box.lines);
        }
        break;
      case 'w:tbl':
        if (!closing && !selfClosing) tables.push({ cells: [] });
        else if (closing) tables.pop();
        break;
      case 'w:tr':
        if (!closing && tables.length) tables[tables.length - 1]!.cells = [];
        else if (closing && tables.length) top().lines.push(...rowLines(tables[tables.length - 1]!.cells));
        break;
      case 'w:tc':
        if (!closing && !selfClosing) sinks.push(newSink());
        else if (closing && sinks.length > 1 && tables.length) {
          const cell = sinks.pop()!;
          if (cell.paragraph) endParagraph(cell);
          tables[tables.length - 1]!.cells.push(cell.lines);
        }
        break;
      default:
        break;
    }
  }
  while (sinks.length > 1) {
    const inner = sinks.pop()!;
    if (inner.paragraph) endParagraph(inner);
    top().lines.push(...inner.lines);
  }
  if (top().paragraph) endParagraph(top());
  return top().lines;
}

/** Whether the archive's bytes name word/document.xml anywhere (its central directory does). */
function namesWordDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1');
}

/** The text of a .docx: headers, body, footers. */
export function docxToText(bytes: Uint8Array, maxCharacters: number): string {
  const parts = readParts(bytes);
  const body = parts.get('word/document.xml');
  if (body === undefined) {
    // The zip's directory names the document, but its stream could not be found: a damaged Word file.
    if (namesWordDocument(bytes)) throw unreadable();
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Upload your resume as a PDF, a Word document (.docx) or a plain text file.',
    });
  }
  const ordered = (prefix: string) => [...parts.keys()].filter((n) => n.startsWith(prefix)).sort();
  const blocks: string[] = [];
  for (const name of [...ordered('word/header'), 'word/document.xml', ...ordered('word/footer')]) {
    const text = wordXmlToLines(parts.get(name)!).join('\n').trim();
    // The first page's, odd and even headers are often the same text.
    if (text && !blocks.includes(text)) blocks.push(text);
    if (blocks.reduce((n, b) => n + b.length, 0) > maxCharacters) {
      throw new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `This Word document holds more than ${maxCharacters.toLocaleString('en-US')} characters of text, more than a resume. Upload a shorter version, or paste the text.`,
      });
    }
  }
  return blocks.join('\n\n');
}
