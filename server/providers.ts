/**
 * The AI providers this app runs with: OpenAI when a key is set, else the local ones with the
 * settings they are given here (the schema's vector size, the catalog's skills, the frozen IDF),
 * since server/ai/ knows no database and no domain.
 */
import { createAiProviders } from './ai/providers.ts';
import type { AiProviders } from './ai/types.ts';
import type { AppConfig } from './config.ts';
import { localEmbedderSettings } from './matching/local-embedding.ts';

export function createProviders(config: Partial<Pick<AppConfig, 'openaiApiKey' | 'openaiBaseUrl'>> = {}): AiProviders {
  return createAiProviders({
    openaiApiKey: config.openaiApiKey,
    openaiBaseUrl: config.openaiBaseUrl,
    local: localEmbedderSettings(),
  });
}
