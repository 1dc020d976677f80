import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const OUT_DIR = new URL('./dist/web/', import.meta.url);

/**
 * Brotli and gzip copies of each text file next to it, made once at build at the highest
 * levels: the Node entry serves the one the browser accepts (the worker's CDN compresses itself).
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    async closeBundle() {
      const dir = OUT_DIR.pathname;
      for (const file of await readdir(dir, { recursive: true })) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const bytes = await readFile(join(dir, file));
        if (bytes.length < 1024) continue;
        await writeFile(
          join(dir, `${file}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// Two builds: the browser's (dist/web, hydratable) and the server renderer's (`--ssr`, dist/ssr:
// one self-contained module that the Node entry imports and the worker bundles; decision 0012).
export default defineConfig(({ isSsrBuild }) => ({
  root: 'web',
  plugins: [solid({ ssr: true }), precompress()],
  build: isSsrBuild
    ? {
        outDir: '../dist/ssr',
        emptyOutDir: true,
        target: 'es2022',
        rollupOptions: { input: 'src/entry-server.tsx', output: { codeSplitting: false } },
      }
    : { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  // Bundled whole, with the server builds of solid-js (its `worker` export works in Node and workerd).
  ssr: { noExternal: true, resolve: { conditions: ['solid', 'worker', 'import', 'module', 'default'] } },
  server: { proxy: { '/trpc': 'http://127.0.0.1:8787', '/health': 'http://127.0.0.1:8787' } },
}));
