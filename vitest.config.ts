import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry; a few forks at a time are plenty on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
