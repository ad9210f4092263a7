// npm run mutate, part 2: what guards the engine's work — the store (repos, migrations, opening), the app lock and
// IPC dispatch. Its score is reported; it does not fail the run.
import { mutationBase } from './scripts/mutation-base.mjs';

export default {
  ...mutationBase('guards'),
  mutate: [
    'main/core/store/**/*.ts',
    // Runs in a worker thread, where Stryker switches no mutant on: its mutants could only survive.
    '!main/core/store/writer/card-writer-worker.ts',
    'main/electron/auto-lock.ts',
    'main/core/app-api/dispatch.ts',
  ],
  thresholds: { high: 90, low: 70, break: null },
};
