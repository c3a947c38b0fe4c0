import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Monaco is one large chunk loaded after the form is usable; say so instead of warning.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  // Pre-bundle the YAML worker's dependencies, or the dev server reloads the page on first load.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 'monaco-yaml', '@monaco-editor/react', 'yaml', 'zustand', 'react', 'react-dom/client'] },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
