// npm run mutate, part 2: what guards the engine's work — opening and migrating the store, the order and audit
// repos, the app lock and IPC dispatch. Its score is reported; it does not fail the run.
import { mutationBase } from './scripts/mutation-base.mjs';

export default {
  ...mutationBase('guards'),
  // Scoped like the engine's run, to fit 30 minutes on 2 cores; the card writer's worker file is never mutated
  // (it runs in a worker thread, where Stryker switches no mutant on).
  mutate: [
    'main/core/store/open-database.ts',
    'main/core/store/migrate.ts',
    'main/core/store/open-store.ts',
    'main/core/store/repos/orders.ts',
    'main/core/store/repos/audit.ts',
    'main/electron/auto-lock.ts',
    'main/electron/ipc/dispatch.ts',
  ],
  thresholds: { high: 90, low: 70, break: null },
};
