import { defineConfig } from 'vitest/config';

// The tests a mutation run (npm run mutation) uses: everything but the browser and packaging tests,
// which exercise the build rather than src/core.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/package.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/fast-check.ts'],
  },
});
