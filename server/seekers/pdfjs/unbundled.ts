/**
 * What unpdf's own `import('unpdf/pdfjs')` resolves to in the worker bundle (wrangler.toml [alias]),
 * so the bundler does not inline PDF.js: extract-pdf.ts hands unpdf the separately uploaded module first.
 */
throw new Error('PDF.js is loaded through definePDFJSModule in the worker.');
