
import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { alias: [
    { find: '@shared', replacement: '/work/main/shared' },
    { find: /^\.\.\/sync\/sync-engine$/, replacement: '/work/main/tests/fault/zz-patched-engine.ts' },
  ] },
  test: { root: '/work/main', include: ['tests/fault/**/*.test.ts'], environment: 'node', pool: 'forks', testTimeout: 20000 },
});
