/**
 * The pieces of a resume's text the local parser reads: clean lines (whitespace collapsed by a
 * loop, bullets taken off, wide gaps kept as column separators) and date ranges. Written so
 * that every step is linear in the length of the text: no regular expression here has a
 * quantifier followed by something that can fail, except bounded ones.
 */

export interface Line {
  text: string;
  /** The line started with a bullet (taken off `text`). */
  bullet: boolean;
}

const WHITESPACE = new Set([
  ' ',
  '\t',
  '\u00a0',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u3000',
  '\f',
  '\v',
]);
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const BULLETS = new Set([
  '-',
  '*',
  '•',
  '●',
  '○',
  '◦',
  '▪',
  '▫',
  '■',
  '□',
  '‣',
  '⁃',
  '∙',
  '·',
  '➢',
  '➤',
  '►',
  '▶',
  '✓',
  '✔',
  '❖',
  '♦',
  '◆',
  '–',
  '—',
  '',
  '',
  '>',
]);

/** `text` without any of `chars` at its end. */
export function stripEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * One raw line as pieces: runs of spaces become one space; a tab or three or more spaces (a
 * column gap) become " | "; in a very long line (text flattened onto one line, as scraped)
 * two or more spaces end a piece.
 */
function splitLine(raw: string): string[] {
  const flattened = raw.length > 300;
  const pieces: string[] = [];
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (INVISIBLE.has(c)) {
      i++;
      continue;
    }
    if (!WHITESPACE.has(c) && c >= ' ') {
      out += c;
      i++;
      continue;
    }
    let run = 0;
    let tab = false;
    while (i < raw.length && (WHITESPACE.has(raw[i]!) || raw[i]! < ' ')) {
      if (raw[i] === '\t') tab = true;
      run++;
      i++;
    }
    if (!out) continue;
    if (flattened && run >= 2) {
      pieces.push(out);
      out = '';
    } else if (i < raw.length) out += tab || run >= 3 ? ' | ' : ' ';
  }
  if (out) pieces.push(out);
  return pieces;
}

function toLine(piece: string): Line | null {
  let text = stripEnd(piece, ' |');
  while (text.startsWith('| ')) text = text.slice(2);
  let bullet = false;
  // "• Led a team", "- Led", "o Led" (Word's round bullet from the Symbol font).
  if (
    (text.length > 2 &&
      BULLETS.has(text[0]!) &&
      (text[1] === ' ' || (text[0] !== '-' && text[0] !== '>' && text[0] !== '*'))) ||
    (text.startsWith('o ') && /^o [A-Z]/.test(text.slice(0, 3)))
  ) {
    bullet = true;
    text = text.slice(text[1] === ' ' ? 2 : 1).trimStart();
  }
  return text ? { text, bullet } : null;
}

/**
 * Scraped text often lost the dash of a range, leaving "2005  Present: Producer" or
 * "2001  2005: Assistant": a lone date followed by a piece that starts with one is a range.
 */
function rejoinRanges(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous !== undefined && LONE_POINT.test(previous) && STARTS_WITH_POINT.test(piece))
      out[out.length - 1] = `${previous} - ${piece}`;
    else out.push(piece);
  }
  return out;
}

export function cleanLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    for (const piece of rejoinRanges(splitLine(raw))) {
      const line = toLine(piece);
      if (line) lines.push(line);
    }
  }
  return lines;
}

// ---- Dates -------------------------------------------------------------------------------------

const MONTH_NUMBERS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '(?:19|20)\\d\\d';
const POINT = `(?:${MONTH},? ?${YEAR}|(?:0?[1-9]|1[0-2])[/.-](?:(?:0?[1-9]|[12]\\d|3[01])[/.-])?${YEAR}|${YEAR}[/.-](?:0[1-9]|1[0-2])(?![\\d/.-])|(?:spring|summer|fall|autumn|winter),? ${YEAR}|${YEAR})`;
const NOW = '(?:present|current(?:ly)?|now|today|date|ongoing|till date)';
const RANGE = new RegExp(
  `(?<![\\d/.-])(${POINT}) ?(?:-|–|—|−|~|to|until|till|through|thru) ?(${POINT}|${NOW})(?![\\d/])`,
  'i',
);
const SINCE = new RegExp(`\\b(?:since|from) (${POINT})(?![\\d/])`, 'i');
const LONE_POINT = new RegExp(`^(?:from |since )?${POINT}$`, 'i');
const STARTS_WITH_POINT = new RegExp(`^(?:${POINT}|${NOW})(?![\\d/])`, 'i');
const OPEN = new RegExp(`(?<![\\d/.-])(${POINT}) ?[-–—] ?$`, 'i');

export interface DateRange {
  start?: string;
  end?: string;
  index: number;
  length: number;
}

/** A date as JSON Resume writes it: "2019", "2019-03". */
function isoDate(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  const year = /(?:19|20)\d\d/.exec(t)?.[0];
  if (!year) return undefined;
  const month = /^([a-z]{3})/.exec(t)?.[1];
  if (month && MONTH_NUMBERS[month]) return `${year}-${MONTH_NUMBERS[month]}`;
  const numeric = /^(\d{1,2})[/.-](?:\d{1,2}[/.-])?(?:19|20)\d\d$/.exec(t) ?? /^(?:19|20)\d\d[/.-](\d{2})$/.exec(t);
  if (numeric) return `${year}-${numeric[1]!.padStart(2, '0')}`;
  return year;
}

/**
 * The first date range of a line: "Jan 2019 – Present", "09/2018 - now", "2017 to 2019",
 * "since 2020", "2/1/2012 - Current". In a long line (a sentence) only at its start or end.
 */
export function findDateRange(text: string): DateRange | null {
  const range = RANGE.exec(text);
  const since = range ? null : SINCE.exec(text);
  const open = range || since ? null : OPEN.exec(text);
  const m = range ?? since ?? open;
  if (!m) return null;
  if (text.length > 120 && m.index > 3 && m.index + m[0].length < text.length - 3) return null;
  const start = isoDate(m[1]!);
  const end = range ? isoDate(m[2]!) : undefined;
  if (start && end && end < start) return null;
  return { start, end, index: m.index, length: m[0].length };
}
