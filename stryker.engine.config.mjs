// npm run mutate, part 1: the order engine. Below 80 % killed, the run fails.
import { mutationBase } from './scripts/mutation-base.mjs';

export default {
  ...mutationBase('engine'),
  mutate: ['main/core/engine/**/*.ts'],
  thresholds: { high: 90, low: 80, break: 80 },
};
