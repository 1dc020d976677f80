import type { AppConfig } from '../config.ts';
import { createCatalogEmbedder } from '../matching/local-embedding.ts';
import { createLocalResumeParser } from './local-resume-parser.ts';
import { createOpenAiClient, createOpenAiEmbedder, createOpenAiResumeParser } from './openai-providers.ts';
import { createLocalSkillExtractor, createOpenAiSkillExtractor } from './skill-extractor.ts';
import { EXPLAINER_MODEL, openAiReasoning, templateReasoning } from '../matching/reasoning.ts';
import type { AiProviders, MatchExplainer } from './types.ts';

/** OpenAI when a key is configured; otherwise deterministic local providers that need no network. */
export function createAiProviders(config: Pick<AppConfig, 'openaiApiKey' | 'openaiBaseUrl'>): AiProviders {
  if (!config.openaiApiKey) {
    return { embedder: createCatalogEmbedder(), resumeParser: createLocalResumeParser(), skillExtractor: createLocalSkillExtractor(), explainer: templateExplainer };
  }
  const client = createOpenAiClient({ apiKey: config.openaiApiKey, baseURL: config.openaiBaseUrl });
  return {
    embedder: createOpenAiEmbedder(client),
    resumeParser: createOpenAiResumeParser(client),
    skillExtractor: createOpenAiSkillExtractor(client),
    explainer: { model: EXPLAINER_MODEL, explain: (facts, lexicon) => openAiReasoning(client, facts, lexicon) },
  };
}

export const templateExplainer: MatchExplainer = { model: 'template', explain: async (facts) => templateReasoning(facts) };
