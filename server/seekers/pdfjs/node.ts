/** Under Node, unpdf finds its own PDF.js build: nothing to configure (package.json `imports`, #pdfjs). */
export const loadPdfjs: (() => Promise<unknown>) | null = null;
