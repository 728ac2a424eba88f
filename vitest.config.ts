import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', new SummaryReporter()],
    // Suites start real nodes, databases and browsers: give them room, and run files
    // in separate forks so ports and databases never collide.
    testTimeout: 120_000,
    // expect.poll waits for a page or a server to catch up; vitest's 1 s default is less than
    // a query can take on a loaded 2-core CI machine. A poll that passes returns at once.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
