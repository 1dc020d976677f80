/**
 * Text of a PDF in reading order, rebuilt from where pdf.js places each piece of text: pieces
 * on one baseline make a line (a wide gap between them becomes a tab, as in a table row), a
 * vertical gap wider than the page's usual line spacing starts a paragraph, and two columns
 * separated by an empty gutter are read one after the other, the left first, with lines that
 * span both (a name, a heading across the page) kept where they stand.
 */
import { loadPdfjs } from '#pdfjs';
import { TRPCError } from '@trpc/server';

export const PDF_LIMITS = {
  /** Pages read: a resume has one to five, a long CV twenty. */
  pages: 50,
} as const;

export interface Fragment {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page (PDF space). */
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

interface TextLine {
  y: number;
  size: number;
  fragments: Fragment[];
}

const median = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Fragments on one baseline (within half a font size), top to bottom, each left to right. */
function groupLines(fragments: Fragment[]): TextLine[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const f of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - f.y) <= Math.max(last.size, f.size) * 0.5) {
      last.fragments.push(f);
      last.size = Math.max(last.size, f.size);
    } else lines.push({ y: f.y, size: f.size, fragments: [f] });
  }
  for (const line of lines) line.fragments.sort((a, b) => a.x - b.x);
  return lines;
}

function lineText(line: TextLine): string {
  let out = '';
  let right = -Infinity;
  for (const f of line.fragments) {
    const gap = f.x - right;
    if (out) {
      if (gap > f.size * 1.5) out += '\t';
      else if (gap > f.size * 0.15 && !out.endsWith(' ') && !f.text.startsWith(' ')) out += ' ';
    }
    out += f.text;
    right = Math.max(right, f.x + f.width);
  }
  return out.trimEnd();
}

/** Lines with a blank line where the gap above is wider than usual: a new paragraph or section. */
function linesToText(lines: TextLine[], spacing: number): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && spacing > 0 && previous.y - line.y > spacing * 1.6) out.push('');
    out.push(lineText(line));
  });
  return out;
}

/**
 * The x of an empty vertical gutter between two columns, if the page has one: no text crosses
 * it (but for a few lines that span the page), and each side holds at least a quarter of it.
 */
function findGutter(fragments: Fragment[], pageWidth: number): number | null {
  if (fragments.length < 8 || pageWidth <= 0) return null;
  const bin = 2;
  const bins = Math.ceil(pageWidth / bin) + 1;
  const cover = new Array<number>(bins).fill(0);
  for (const f of fragments) {
    const from = Math.max(0, Math.floor(f.x / bin));
    const to = Math.min(bins - 1, Math.floor((f.x + f.width) / bin));
    for (let b = from; b <= to; b++) cover[b]! += 1;
  }
  const allowed = Math.max(1, Math.floor(fragments.length * 0.06));
  let best: { x: number; width: number } | null = null;
  let runStart = -1;
  for (let b = Math.floor((pageWidth * 0.2) / bin); b <= Math.ceil((pageWidth * 0.8) / bin); b++) {
    const empty = cover[b]! <= allowed;
    if (empty && runStart < 0) runStart = b;
    if ((!empty || b === Math.ceil((pageWidth * 0.8) / bin)) && runStart >= 0) {
      const width = (b - runStart) * bin;
      if (width >= 6 && (!best || width > best.width)) best = { x: (runStart * bin + b * bin) / 2, width };
      runStart = -1;
    }
  }
  if (!best) return null;
  const gutter = best.x;
  const left = fragments.filter((f) => f.x + f.width < gutter).length;
  const right = fragments.filter((f) => f.x > gutter).length;
  return left >= fragments.length * 0.25 && right >= fragments.length * 0.25 ? gutter : null;
}

/** One page's text in reading order. */
export function layoutPage(fragments: Fragment[], pageWidth: number): string {
  const pieces = fragments.filter((f) => f.text.trim());
  const all = groupLines(pieces);
  const spacing = median(
    all
      .slice(1)
      .map((l, i) => all[i]!.y - l.y)
      .filter((d) => d > 0),
  );
  const gutter = findGutter(pieces, pageWidth);
  if (gutter === null) return linesToText(all, spacing).join('\n');
  // Lines that cross the gutter stay in place; between two of them, the left column, then the right.
  const spanning = all.filter((l) => l.fragments.some((f) => f.x < gutter && f.x + f.width > gutter));
  const columnPieces = pieces.filter(
    (f) => !(f.x < gutter && f.x + f.width > gutter) && !spanning.some((l) => l.fragments.includes(f)),
  );
  const left = groupLines(columnPieces.filter((f) => f.x + f.width <= gutter));
  const right = groupLines(columnPieces.filter((f) => f.x >= gutter));
  const out: string[] = [];
  let above = Infinity;
  for (const stop of [...spanning, null]) {
    const below = stop ? stop.y : -Infinity;
    const inBand = (l: TextLine) => l.y < above && l.y > below;
    const leftBand = left.filter(inBand);
    const rightBand = right.filter(inBand);
    if (leftBand.length) out.push(...linesToText(leftBand, spacing), '');
    if (rightBand.length) out.push(...linesToText(rightBand, spacing), '');
    if (stop) out.push(lineText(stop));
    above = below;
  }
  return out.join('\n');
}

let configured: Promise<typeof import('unpdf')> | null = null;
/** unpdf, told where PDF.js is when the runtime keeps it apart (the worker; see pdfjs/workerd.ts). */
function unpdf() {
  configured ??= import('unpdf')
    .then(async (module) => {
      if (loadPdfjs) await module.definePDFJSModule(loadPdfjs);
      return module;
    })
    .catch((error: unknown) => {
      configured = null; // the next PDF tries again
      throw error;
    });
  return configured;
}

/** The text of a PDF, page by page, within the limits. */
export async function pdfToText(bytes: Uint8Array, maxCharacters: number): Promise<string> {
  const { getDocumentProxy } = await unpdf();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This PDF could not be read. If it is a scan, upload a text PDF or paste the text instead.',
    });
  }
  try {
    if (pdf.numPages > PDF_LIMITS.pages) {
      throw new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `This PDF has ${pdf.numPages} pages; a resume can have at most ${PDF_LIMITS.pages}. Upload a shorter version, or paste the text.`,
      });
    }
    const pages: string[] = [];
    let characters = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const fragments = content.items.flatMap((item): Fragment[] => {
        if (!('str' in item)) return [];
        const [, , c, d, x, y] = (item.transform as unknown[]).map(Number);
        return [
          {
            text: item.str,
            x: x ?? 0,
            y: y ?? 0,
            width: item.width,
            size: Math.hypot(c ?? 0, d ?? 0) || item.height || 10,
          },
        ];
      });
      const text = layoutPage(fragments, width);
      characters += text.length;
      if (characters > maxCharacters) {
        throw new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `This PDF holds more than ${maxCharacters.toLocaleString('en-US')} characters of text, more than a resume. Upload a shorter version, or paste the text.`,
        });
      }
      pages.push(text);
      page.cleanup();
    }
    return pages.join('\n\n');
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This PDF could not be read. If it is a scan, upload a text PDF or paste the text instead.',
    });
  } finally {
    await pdf.destroy();
  }
}
