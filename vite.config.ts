import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Every top-level module of src/ is a registering entry point and becomes dist/<name>.js, with Lit bundled in;
// what entries share goes into dist/chunks/. The unbundled library build (lit external) is tsc's, in dist/lib/.
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const entries = Object.fromEntries(
  readdirSync(srcDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => [file.replace(/\.ts$/, ''), `${srcDir}${file}`]),
);

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode leaves ES output unminified; these files are what pages download.
        minify: true,
      },
    },
  },
});
