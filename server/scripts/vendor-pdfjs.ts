/**
 * wrangler's build command: copies unpdf's PDF.js build to server/vendor/ (not committed), where
 * wrangler.toml's rules upload it as a module of its own, loaded only when a PDF is read.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(import.meta.resolve('unpdf/pdfjs'));
const target = fileURLToPath(new URL('../vendor/pdfjs.mjs', import.meta.url));
mkdirSync(fileURLToPath(new URL('../vendor/', import.meta.url)), { recursive: true });
copyFileSync(source, target);
