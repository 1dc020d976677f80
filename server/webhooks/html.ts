/**
 * HTML from a job board to plain text: tags dropped (script and style with their content),
 * block ends as line breaks, entities decoded. What remains is never rendered as HTML.
 *
 * A board's HTML is untrusted and up to 1 MB, so tags are read by one scan, in linear time:
 * patterns such as /<[^>]*>/g restart at every `<` and took 20 s on 160,000 `<` without `>`.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
};

/** Closing tags that end a line. */
const BLOCK_ENDS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'tr']);
/** Elements dropped with their content. */
const RAW_TEXT = new Set(['script', 'style']);

// Each match starts at an `&` and its letters or digits stop at the next non-letter: linear.
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const isNameChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

/** `<li class="x">` → { name: 'li', closing: false }; the name is what follows `<` or `</`. */
function tagOf(tag: string): { name: string; closing: boolean } {
  const closing = tag[1] === '/';
  let end = closing ? 2 : 1;
  while (end < tag.length && isNameChar(tag[end]!)) end++;
  return { name: tag.slice(closing ? 2 : 1, end).toLowerCase(), closing };
}

/** The index of `</name` at or after `from` (any case), or -1. Each `<` is looked at once. */
function indexOfClosingTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return -1;
}

/** Markup without its tags: what a block ends with becomes a line break, list items bullets. */
function stripTags(html: string): string {
  const out: string[] = [];
  let at = 0;
  let nextClose = -1;
  // An element found unclosed stays so for every later opening: not searched again.
  const unclosed = new Set<string>();
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    // The next `>` is found once and reused by every `<` before it.
    if (nextClose !== -1 && nextClose <= open) nextClose = -1;
    if (nextClose === -1) nextClose = html.indexOf('>', open + 1);
    // No `>` after this `<`: none of the rest is a tag.
    if (nextClose === -1) break;
    out.push(html.slice(at, open));
    const { name, closing } = tagOf(html.slice(open, Math.min(nextClose + 1, open + 12)));
    at = nextClose + 1;
    if (!closing && RAW_TEXT.has(name) && !unclosed.has(name)) {
      const end = indexOfClosingTag(html, name, at);
      const endClose = end === -1 ? -1 : html.indexOf('>', end);
      if (endClose === -1) unclosed.add(name);
      else {
        out.push(' ');
        at = endClose + 1;
      }
      nextClose = -1;
    } else if (!closing && name === 'li') out.push('\n• ');
    else if ((!closing && name === 'br') || (closing && BLOCK_ENDS.has(name))) out.push('\n');
  }
  out.push(html.slice(at));
  return out.join('');
}

export function htmlToText(html: string): string {
  html = html.replaceAll('\u0000', '');
  // Boards sometimes send the HTML itself entity-encoded (&lt;p&gt;): decode that layer first.
  const markup = /&lt;\/?[a-z]/i.test(html) && !/<[a-z]/i.test(html) ? decodeEntities(html) : html;
  // After the first replacement no two spaces are adjacent, so ` *\n *` cannot backtrack far.
  return decodeEntities(stripTags(markup))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
