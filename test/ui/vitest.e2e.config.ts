import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The browser suite runs on its own (`npm run test:e2e`, and as its own step in `npm test`): it builds the renderer
// and drives Chromium, so it stays out of the unit run's file pattern (*.e2e.ts, not *.test.ts).
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['test/ui/**/*.e2e.ts'],
    globalSetup: ['test/ui/harness/build-renderer-once.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
