import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests that count for the engine's mutation score (npm run mutate): they drive the engine in this process,
// where Stryker switches mutants on. Tests that spawn the CLI run the engine elsewhere and stay out.
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    // Left to npm test: provider-faults.test.ts (25,000 cards under faults) and the property tests. Both cover almost
    // every line, so Stryker would run them against nearly every mutant, at tens of seconds each.
    include: ['test/engine/safety-rules.test.ts', 'test/engine/engine-paths.test.ts', 'test/engine/engine-behaviour.test.ts', 'test/engine/order-input.test.ts', 'test/engine/engine-schedule.test.ts', 'test/engine/engine-refusals.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
