/**
 * The plain explanation of a match. Built only from the facts the scores were computed from;
 * an OpenAI explanation is kept only if every skill it names is one of those facts.
 */
import type { TextWriter } from '../ai/types.ts';
import type { SkillLexicon } from '../skills/lexicon.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import type { SkillFit } from './scoring.ts';

export interface MatchFacts {
  jobTitle: string;
  semanticScore: number;
  skillMatchScore: number | null;
  overallScore: number;
  matched: SkillFit[];
  missing: SkillFit[];
  remote: boolean;
  sameCity: boolean;
  /** Present when the algorithm weighs them (blend-v2). */
  textSignals?: { lexical: number; titleMatch: number; skillsConfidence: number };
}

const list = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

export function templateReasoning(facts: MatchFacts): string {
  const parts: string[] = [];
  const total = facts.matched.length + facts.missing.length;
  if (total === 0) {
    parts.push('This job lists no specific skills, so the match rests on how close your resume is to its description.');
  } else {
    const required = [...facts.matched, ...facts.missing].filter((s) => s.required);
    const requiredMatched = facts.matched.filter((s) => s.required);
    let sentence = `You have ${facts.matched.length} of the ${total} skills this job asks for`;
    if (required.length > 0) {
      sentence +=
        requiredMatched.length === required.length
          ? `, including every required one`
          : `, ${requiredMatched.length} of ${required.length} required`;
    }
    sentence += facts.matched.length ? ` (${list(facts.matched.slice(0, 5).map((s) => s.name))}).` : '.';
    parts.push(sentence);
    const missingRequired = facts.missing.filter((s) => s.required);
    const missingOptional = facts.missing.filter((s) => !s.required);
    if (missingRequired.length) parts.push(`Missing required: ${list(missingRequired.map((s) => s.name))}.`);
    if (missingOptional.length)
      parts.push(`Nice to have that you have not listed: ${list(missingOptional.map((s) => s.name))}.`);
  }
  const signals = facts.textSignals;
  if (signals) {
    if (signals.titleMatch >= 0.99) parts.push('Your past titles match this role.');
    else if (signals.titleMatch >= 0.5) parts.push('Your past titles are close to this role.');
    const shared = signals.lexical >= 0.6 ? 'many' : signals.lexical >= 0.3 ? 'some' : 'few';
    parts.push(`Your resume and this ad share ${shared} distinctive words (${percent(signals.lexical)}).`);
    if (total > 0 && signals.skillsConfidence < 1)
      parts.push('Its skills were read from the ad, not listed by the employer, so they count for less.');
  }
  const closeness = facts.semanticScore >= 0.45 ? 'closely' : facts.semanticScore >= 0.25 ? 'partly' : 'loosely';
  parts.push(`Your resume is ${closeness} related to the job description (${percent(facts.semanticScore)} similar).`);
  if (facts.remote) parts.push('The job can be done remotely.');
  else if (facts.sameCity) parts.push('The job is in your city.');
  return parts.join(' ');
}

const EXPLAIN_INSTRUCTIONS =
  'Explain to a job seeker, in two or three plain sentences addressed to them, why a job matches them. Use only the facts given as JSON; do not add any skill, experience or claim that is not in them. Do not mention being an AI.';

/**
 * Two or three sentences from the writer (OpenAI), given only the facts. Rejected (the template is
 * used) if it names a catalog skill that is not among the facts, or speaks of itself as an AI.
 */
export async function writtenReasoning(writer: TextWriter, facts: MatchFacts, lexicon: SkillLexicon): Promise<string> {
  const text = await writer.write({ instructions: EXPLAIN_INSTRUCTIONS, data: JSON.stringify(facts), maxTokens: 180 });
  const known = new Set([...facts.matched, ...facts.missing].map((s) => s.name));
  const invented = findSkillMentions(lexicon, text).filter((m) => !known.has(m.name));
  if (!text || invented.length > 0 || /\bas an ai\b|language model/i.test(text)) return templateReasoning(facts);
  return text;
}
