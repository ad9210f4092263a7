import { createRng } from '../../main/sandbox/rng';

/** A seed whose first 5xx falls before the sandbox looked at the request (its dice: failing, then before/after). */
export function seedForErrorBeforeTaking(): number {
  for (let seed = 1; ; seed++) {
    const rng = createRng(seed);
    rng();
    if (rng() >= 0.5) return seed;
  }
}
