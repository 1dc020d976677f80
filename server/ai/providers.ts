import { createLocalEmbedder, type LocalEmbedderSettings } from './local-embedder.ts';
import { createLocalResumeParser } from './local-resume-parser.ts';
import {
  createOpenAiClient,
  createOpenAiEmbedder,
  createOpenAiResumeParser,
  createOpenAiWriter,
} from './openai-providers.ts';
import { createLocalSkillExtractor, createOpenAiSkillExtractor } from './skill-extractor.ts';
import type { AiProviders } from './types.ts';

export interface AiProviderOptions {
  openaiApiKey?: string | undefined;
  openaiBaseUrl?: string | undefined;
  /** The local embedder's settings; their vector size is the database's, which OpenAI's vectors must have too. */
  local: LocalEmbedderSettings;
}

/** OpenAI when a key is configured; otherwise deterministic local providers that need no network. */
export function createAiProviders(options: AiProviderOptions): AiProviders {
  if (!options.openaiApiKey) {
    return {
      embedder: createLocalEmbedder(options.local),
      resumeParser: createLocalResumeParser(),
      skillExtractor: createLocalSkillExtractor(),
      writer: null,
    };
  }
  const client = createOpenAiClient({ apiKey: options.openaiApiKey, baseURL: options.openaiBaseUrl });
  return {
    embedder: createOpenAiEmbedder(client, options.local.dimensions),
    resumeParser: createOpenAiResumeParser(client),
    skillExtractor: createOpenAiSkillExtractor(client),
    writer: createOpenAiWriter(client),
  };
}
