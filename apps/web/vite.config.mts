/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app is served by the API from dist/web (same origin, so the API's bearer tokens and no CORS).
 * `npm run dev:web` serves it with Vite and forwards the API's paths to `npm start` on port 3000.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    alias: {
      '@crm/api-client': here('../../libs/api-client/src/index.ts'),
      // The validator alone: the package's index also brings the file loader (node:fs), which has no place here.
      '@crm/blueprint/validate': here('../../libs/blueprint/src/parse-blueprint.ts'),
      // The catalog's money alone (currencies' minor digits, exact decimal text): the rest reads files.
      '@crm/catalog/currency': here('../../libs/catalog/src/money/currency.ts'),
      '@crm/catalog/exact-decimal': here('../../libs/catalog/src/money/exact-decimal.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/records', '/catalog', '/pipeline', '/forecast', '/funnel', '/blueprints', '/projections', '/health', '/tasks', '/approvals', '/notifications', '/session', '/live'].map(
        (path) => [path, { target: 'http://127.0.0.1:3000', changeOrigin: false }],
      ),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [here('src/test/setup-tests.ts')],
    css: false,
    // A safety net on a loaded machine (typing into a form takes seconds there), not a measure.
    testTimeout: 30_000,
  },
});
