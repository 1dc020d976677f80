/**
 * Finds skills in free text by catalog names and aliases: "k8s" is Kubernetes, "ReactJS" is
 * React. Pure and synchronous, so the local resume parser and the local embedder share it.
 */
import { normalizeSkillName } from './normalize.ts';

export interface LexiconEntry {
  name: string;
  aliases: readonly string[];
}

export interface SkillMention {
  /** The catalog name. */
  name: string;
  /** The line of text where it was first seen: the evidence shown to the person. */
  evidence: string;
  count: number;
}

export interface SkillLexicon {
  /** normalized phrase -> catalog name */
  phrases: Map<string, string>;
  longestPhrase: number;
  /**
   * The first word of every phrase. A text's tokens are ASCII, so a phrase's key begins with its
   * first token in lower case: a run of tokens whose first begins no phrase is passed over without
   * normalizing it (most of them, at every length up to `longestPhrase`).
   */
  firstWords: Set<string>;
}

/**
 * Phrases that are also everyday words ("go", "rest", "lean", "express") or short letters
 * ("r", "c", "pr"). They count only when written like a name (Go, REST, R) or in a list of
 * skills, so "we go the extra mile" does not make anyone a Go programmer.
 */
const AMBIGUOUS = new Set([
  'go',
  'r',
  'c',
  'rest',
  'express',
  'spring',
  'next',
  'node',
  'shell',
  'lean',
  'ar',
  'ap',
  'er',
  'pr',
  'cd',
  'ci',
  'ml',
  'cv',
  'qa',
  'sh',
  'ts',
  'js',
  'tf',
  'dl',
  'ror',
  'sem',
  'seo',
  'pm',
  'ux',
  'ui',
  'hr',
  'ip',
  'sap',
  'oracle',
  'swift',
  'dart',
  'julia',
  'rust',
  'ruby',
  'unity',
  'solid',
  'torch',
  'spark',
  'elm',
  'crystal',
  'teaching',
  'cooking',
  'driving',
  'selling',
  'statistics',
  'editing',
  'writing',
  'scheduling',
  'organization',
  'creativity',
  'operations',
  'security',
  'monitoring',
  'shell scripting',
  'containers',
  'lambda',
  'canvas lms',
  'instruction',
  'assessment',
  'tax',
  'contracts',
  'reception',
  'cashier',
  'strategy',
  'collaboration',
  'flexibility',
  'coaching',
  'unix',
  'ci',
  'lms',
  'ehr',
  'emr',
  'mandarin',
  'chinese',
  'english',
  'spanish',
  'french',
  'german',
  'office',
]);

/** "Data Analyst", "Business Analytics": the work of an analyst is its analysis. */
const ANALYST = /(?:^| )(?:analyst|analytics)$/;

/** `text` without any of `chars` at its end, by a loop: /[.'-]+$/ is quadratic on a long run. */
function stripEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

export function buildLexicon(entries: readonly LexiconEntry[]): SkillLexicon {
  const phrases = new Map<string, string>();
  const firstWords = new Set<string>();
  let longestPhrase = 1;
  for (const entry of entries) {
    for (const phrase of [entry.name, ...entry.aliases]) {
      const key = normalizeSkillName(phrase);
      if (!key || phrases.has(key)) continue;
      phrases.set(key, entry.name);
      const words = key.split(' ');
      firstWords.add(words[0]!);
      longestPhrase = Math.max(longestPhrase, words.length);
    }
  }
  return { phrases, longestPhrase, firstWords };
}

const TOKEN = /\.?[A-Za-z0-9][A-Za-z0-9+#./&'-]*[A-Za-z0-9+#]|\.?[A-Za-z0-9][+#]*/g;

function looksLikeAName(raw: string): boolean {
  return raw !== raw.toLowerCase();
}

/** A line that lists things: a skills section, or commas/bullets/pipes between short items. */
function isListLine(line: string): boolean {
  const parts = line.split(/[,;|•·]/);
  return parts.length >= 3 && parts.every((p) => p.trim().split(/\s+/).length <= 5);
}

export interface FindOptions {
  /** Treat every line as a list of skills (a search query, or a resume's skills section). */
  lenient?: boolean;
}

function matchLine(lexicon: SkillLexicon, rawLine: string, lenient: boolean, visit: (name: string) => void) {
  const raw = (rawLine.match(TOKEN) ?? []).flatMap((t) => {
    const trimmed = stripEnd(t, ".'-");
    return trimmed ? [trimmed] : [];
  });
  const listy = lenient || isListLine(rawLine);
  const tryPhrase = (tokens: string[]): string | undefined => {
    if (!lexicon.firstWords.has(tokens[0]!.toLowerCase())) return undefined;
    const key = normalizeSkillName(tokens.join(' '));
    const name =
      lexicon.phrases.get(key) ??
      (tokens.length > 1 && ANALYST.test(key) ? lexicon.phrases.get(key.replace(ANALYST, ' analysis')) : undefined);
    if (!name) return undefined;
    if (AMBIGUOUS.has(key) && !listy && !tokens.some(looksLikeAName)) return undefined;
    return name;
  };
  let i = 0;
  while (i < raw.length) {
    let matched = 0;
    for (let n = Math.min(lexicon.longestPhrase, raw.length - i); n >= 1; n--) {
      const name = tryPhrase(raw.slice(i, i + n));
      if (name) {
        visit(name);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      // "Python/Django", "CI/CD-driven": try the parts of a compound token.
      const token = raw[i]!;
      if (/[/&]/.test(token)) {
        for (const part of token.split(/[/&]/)) {
          const name = part ? tryPhrase([part]) : undefined;
          if (name) visit(name);
        }
      }
      i += 1;
    } else {
      i += matched;
    }
  }
}

/** Every catalog skill mentioned in `text`, in order of first mention. */
export function findSkillMentions(lexicon: SkillLexicon, text: string, options: FindOptions = {}): SkillMention[] {
  const found = new Map<string, SkillMention>();
  let inSkillsSection = false;
  for (const line of text.split(/\r?\n/)) {
    const heading = stripEnd(line.trim(), ': \t').toLowerCase();
    if (
      (/^[a-z &/]{3,40}$/.test(heading) && line.trim() === line.trim().toUpperCase()) ||
      /^(skills|technical skills|core skills|key skills|competencies|tools)$/.test(heading)
    ) {
      inSkillsSection = /skill|competenc|tools|languages/.test(heading);
    }
    matchLine(lexicon, line, options.lenient === true || inSkillsSection, (name) => {
      const mention = found.get(name);
      if (mention) mention.count += 1;
      else found.set(name, { name, evidence: line.trim().slice(0, 200), count: 1 });
    });
  }
  return [...found.values()];
}
