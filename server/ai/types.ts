import type { SkillLexicon } from '../skills/lexicon.ts';
import type { JsonResume } from '../../shared/json-resume.ts';

/** Turns texts into unit vectors of the database's embedding dimension, in order. */
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

/** Skills named in a job's text, for jobs posted without skills (or pushed by a job board). */
export interface SkillExtractor {
  readonly model: string;
  extract(text: string, lexicon: SkillLexicon): Promise<ExtractedSkill[]>;
}

/**
 * Writes a few plain sentences from instructions and the data they are about (the match
 * explanations). It knows nothing of what the text is for: the caller checks what comes back.
 */
export interface TextWriter {
  readonly model: string;
  write(request: { instructions: string; data: string; maxTokens: number }): Promise<string>;
}

export interface AiProviders {
  embedder: Embedder;
  resumeParser: ResumeParser;
  skillExtractor: SkillExtractor;
  /** null without a model: texts are written from templates. */
  writer: TextWriter | null;
}
