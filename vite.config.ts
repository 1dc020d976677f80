import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/trpc': 'http://127.0.0.1:8787', '/health': 'http://127.0.0.1:8787' } },
});
