import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PageRenderer } from '../../server/pages/renderer.ts';

const SSR_ENTRY = fileURLToPath(new URL('../../dist/ssr/entry-server.js', import.meta.url));

/** The built server renderer (`npm run build:web`; `npm test` builds it first). */
export async function builtPageRenderer(): Promise<PageRenderer> {
  if (!existsSync(SSR_ENTRY)) throw new Error('dist/ssr is missing: run `npm run build:web` first.');
  return (await import(pathToFileURL(SSR_ENTRY).href)) as PageRenderer;
}
