// npm run mutate, part 1: the order engine's decisions. Below 80 % detected, the run fails.
import { mutationBase } from './scripts/mutation-base.mjs';

export default {
  ...mutationBase('engine'),
  // The files that decide what is sent, when an order is done and what a person is told. The rest of the folder
  // (order-engine.ts's task bookkeeping and events, the lease, the sleeper, the cadence table, validation) is left
  // out to keep a run within 30 minutes on 2 cores; `npm run mutate -- --mutate 'main/core/engine/**/*.ts'` takes it all.
  mutate: [
    'main/core/engine/submit-order.ts',
    'main/core/engine/poll-order.ts',
    'main/core/engine/fetch-cards.ts',
    'main/core/engine/drive-order.ts',
    'main/core/engine/order-lines.ts',
    'main/core/engine/store-cards.ts',
  ],
  thresholds: { high: 90, low: 80, break: 80 },
};
