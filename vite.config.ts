import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Two builds: the browser's (dist/web, hydratable) and the server renderer's (`--ssr`, dist/ssr:
// one self-contained module that the Node entry imports and the worker bundles; decision 0012).
export default defineConfig(({ isSsrBuild }) => ({
  root: 'web',
  plugins: [solid({ ssr: true })],
  build: isSsrBuild
    ? {
        outDir: '../dist/ssr',
        emptyOutDir: true,
        target: 'es2022',
        rollupOptions: { input: 'src/entry-server.tsx', output: { inlineDynamicImports: true } },
      }
    : { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  // Bundled whole, with the server builds of solid-js (its `worker` export works in Node and workerd).
  ssr: { noExternal: true, resolve: { conditions: ['solid', 'worker', 'import', 'module', 'default'] } },
  server: { proxy: { '/trpc': 'http://127.0.0.1:8787', '/health': 'http://127.0.0.1:8787' } },
}));
