import { createLocalEmbedder } from './local-embedder.ts';
import { createLocalResumeParser } from './local-resume-parser.ts';
import { createOpenAiClient, createOpenAiEmbedder, createOpenAiResumeParser, createOpenAiWriter } from './openai-providers.ts';
import { createLocalSkillExtractor, createOpenAiSkillExtractor } from './skill-extractor.ts';
import type { AiProviders } from './types.ts';

export interface AiProviderOptions {
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  /** The database's vector size: both embedders must produce it. */
  embeddingDimensions: number;
}

/** OpenAI when a key is configured; otherwise deterministic local providers that need no network. */
export function createAiProviders(options: AiProviderOptions): AiProviders {
  if (!options.openaiApiKey) {
    return { embedder: createLocalEmbedder(), resumeParser: createLocalResumeParser(), skillExtractor: createLocalSkillExtractor(), writer: null };
  }
  const client = createOpenAiClient({ apiKey: options.openaiApiKey, baseURL: options.openaiBaseUrl });
  return {
    embedder: createOpenAiEmbedder(client, options.embeddingDimensions),
    resumeParser: createOpenAiResumeParser(client),
    skillExtractor: createOpenAiSkillExtractor(client),
    writer: createOpenAiWriter(client),
  };
}
