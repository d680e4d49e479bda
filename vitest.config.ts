import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // vitest's default is one worker fewer than the CPUs: a single worker on a 2-core CI machine, idle
    // while tests wait on child processes, servers and the scanner
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20000,
    setupFiles: ['tests/setup/cheap-passwords.ts'],
  },
});
