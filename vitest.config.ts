import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (one fewer than the cores) is a single worker on a 2-core CI machine. Many
    // tests wait on child processes (the CLI, Chromium, CDK synthesis), so two workers still pay:
    // the whole suite took 391 s instead of 552 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
  },
});
