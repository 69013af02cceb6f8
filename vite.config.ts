import { defineConfig } from 'vite';

// The web app: Preact, bundled into dist-web/ with relative asset URLs so that the same build works at
// the server's root and from any sub-path of a static host (the static export).
export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist-web', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
});
