/**
 * In the worker (package.json `imports`, condition `workerd`): PDF.js (~490 KiB gzip, most of the
 * bundle) is uploaded beside the worker as its own module, copied there by wrangler's build
 * command (server/scripts/vendor-pdfjs.ts), and loaded on the first PDF only. The specifier is a
 * variable so the bundler leaves the import to the runtime.
 */
const PDFJS_MODULE = './vendor/pdfjs.mjs';
export const loadPdfjs: (() => Promise<unknown>) | null = () => import(PDFJS_MODULE);
