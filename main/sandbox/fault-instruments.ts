// The sandbox's fault switches and admin routes, for tests, the bench and serve.ts. The app never imports this file.
import { handleAdmin } from './admin-handlers';
import { FaultDice, faultsPatchSchema } from './faults';
import { hostileMove } from './hostile-answers';
import type { RequestInstruments, SandboxInsides, SandboxInstruments } from './instruments';
import type { SandboxFaults } from './types';

export interface FaultInstruments extends SandboxInstruments {
  /** The knobs as they are now, with the Wpay balance; only once the sandbox has started. */
  faults(): SandboxFaults;
  setFaults(patch: Partial<SandboxFaults>): void;
}

/** Faults to start with (all off unless given); switched later through setFaults or PUT /__sandbox/faults. */
export function createFaultInstruments(initial: Partial<SandboxFaults> = {}): FaultInstruments {
  const start = faultsPatchSchema.parse(initial);
  let running: { insides: SandboxInsides; dice: FaultDice } | null = null;
  const live = () => {
    if (!running) throw new Error('The sandbox these faults belong to has not started yet.');
    return running;
  };
  const faults = (): SandboxFaults => ({ ...live().dice.current(), balanceCents: live().insides.store.availableBalanceCents() });
  const setFaults = (patch: Partial<SandboxFaults>): void => {
    const { balanceCents, ...knobs } = faultsPatchSchema.parse(patch);
    if (balanceCents !== undefined) live().insides.store.setBalance(balanceCents);
    live().dice.set(knobs);
  };
  return {
    faults,
    setFaults,
    attach(insides): RequestInstruments {
      const { balanceCents, ...knobs } = start;
      if (balanceCents !== undefined) insides.store.setBalance(balanceCents);
      const dice = new FaultDice(knobs);
      running = { insides, dice };
      return {
        admin: (req) => handleAdmin(req, { faults, setFaults, stats: insides.stats }),
        plan: (kind) => dice.plan(kind),
        serverError: (api) => dice.serverError(api),
        tooManyRequests: (api) => dice.tooManyRequests(api),
        holdAfterAcceptMs: () => dice.current().holdAfterAcceptMs,
        hostile(route) {
          const which = dice.hostile(route);
          if (which === null) return null;
          insides.hostile(which);
          return hostileMove(which, insides, route);
        },
      };
    },
  };
}
