import type { AppConfig } from '../config.ts';
import { createLocalEmbedder } from './local-embedder.ts';
import { createLocalResumeParser } from './local-resume-parser.ts';
import { createOpenAiClient, createOpenAiEmbedder, createOpenAiResumeParser } from './openai-providers.ts';
import type { AiProviders } from './types.ts';

/** OpenAI when a key is configured; otherwise deterministic local providers that need no network. */
export function createAiProviders(config: Pick<AppConfig, 'openaiApiKey' | 'openaiBaseUrl'>): AiProviders {
  if (!config.openaiApiKey) return { embedder: createLocalEmbedder(), resumeParser: createLocalResumeParser() };
  const client = createOpenAiClient({ apiKey: config.openaiApiKey, baseURL: config.openaiBaseUrl });
  return { embedder: createOpenAiEmbedder(client), resumeParser: createOpenAiResumeParser(client) };
}
