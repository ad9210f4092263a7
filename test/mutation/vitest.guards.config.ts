import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests that count for the score of the store, the lock and dispatch (npm run mutate): in-process only.
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: [
      'test/store/*.test.ts',
      'test/cli/cards-reveal.test.ts',
      'test/electron/auto-lock.test.ts',
      'test/ipc/dispatch.test.ts',
      'test/ipc/ipc-register.test.ts',
      'test/engine/safety-rules.test.ts',
      'test/engine/engine-behaviour.test.ts',
    ],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
