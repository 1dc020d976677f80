import type { SkillLexicon } from '../skills/lexicon.ts';
import type { JsonResume } from './json-resume.ts';
import type { SkillExtractor } from './skill-extractor.ts';
import type { MatchFacts } from '../matching/reasoning.ts';

/** Turns texts into unit vectors of EMBEDDING_DIMENSIONS, in order. */
export interface Embedder {
  /** Recorded beside every vector, so a change of model can re-embed (`npm run embeddings:rebuild`). */
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface ExtractedSkill {
  /** A catalog name. */
  name: string;
  /** The words of the resume that showed it. */
  evidence: string;
}

export interface ParsedResume {
  resume: JsonResume;
  skills: ExtractedSkill[];
  /** Which parser produced it: recorded for the AI decision log. */
  model: string;
}

/** Reads a resume into JSON Resume and catalog skills. The resume is data, never instructions. */
export interface ResumeParser {
  readonly model: string;
  parse(text: string, lexicon: SkillLexicon): Promise<ParsedResume>;
}

/** Writes the plain explanation of a match from its facts, and nothing else. */
export interface MatchExplainer {
  /** 'template' for the local explainer. */
  readonly model: string;
  explain(facts: MatchFacts, lexicon: SkillLexicon): Promise<string>;
}

export interface AiProviders {
  embedder: Embedder;
  resumeParser: ResumeParser;
  skillExtractor: SkillExtractor;
  explainer: MatchExplainer;
}
