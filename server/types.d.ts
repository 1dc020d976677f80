declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}

/** The server renderer, built by `vite build --ssr` (server/pages/renderer.ts has its type). */
declare module '*/dist/ssr/entry-server.js' {
  export const documentTemplate: import('./pages/renderer.ts').PageRenderer['documentTemplate'];
  export const renderApp: import('./pages/renderer.ts').PageRenderer['renderApp'];
}
