/**
 * What the local embedder is given: the vector dimension of the schema, the skills catalog's
 * lexicon to find skills, and the IDF table frozen with local-hash-v2. The embedder itself
 * (server/ai/local-embedder.ts) knows none of them.
 */
import { EMBEDDING_DIMENSIONS } from '../../db/schema.ts';
import { createLocalEmbedder, embedLocally, type LocalEmbedderSettings } from '../ai/local-embedder.ts';
import type { Embedder } from '../ai/types.ts';
import { SKILLS_CATALOG } from '../seed/skills-catalog.ts';
import { buildLexicon, findSkillMentions, type SkillLexicon } from '../skills/lexicon.ts';
import { IDF_V2 } from './idf-v2.ts';

let catalogLexicon: SkillLexicon | undefined;

/** The settings of local-hash-v2 (`{ idf: null }` gives local-hash-v1's). */
export function localEmbedderSettings(
  lexicon: SkillLexicon = (catalogLexicon ??=
    buildLexicon(SKILLS_CATALOG)),
): LocalEmbedderSettings {
  return {
    dimensions: EMBEDDING_DIMENSIONS,
    findSkills: (text, options) => findSkillMentions(lexicon, text, options),
    idf: IDF_V2,
  };
}

export function createCatalogEmbedder(lexicon?: SkillLexicon): Embedder {
  return createLocalEmbedder(localEmbedderSettings(lexicon));
}

/** One text's local-hash-v2 vector with the catalog's lexicon (benchmarks and the OpenAI stand-in). */
export function embedWithCatalog(text: string, lexicon?: SkillLexicon): number[] {
  return embedLocally(text, localEmbedderSettings(lexicon));
}
