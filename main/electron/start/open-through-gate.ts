import type { StartGate } from './start-gate';

/**
 * The desktop app's start: the store is opened through the passcode screen (the gate), and on a new data folder the
 * person may restore a backup instead of choosing a first passcode. A restore that fails, or that the person leaves,
 * goes back to the first-run screen with what went wrong; any other failure (no keychain, a store that cannot open)
 * ends the start, for the shell to show.
 */
export async function openThroughGate<C>(options: {
  gate: StartGate;
  open: () => Promise<C>;
  restore: (file: string) => Promise<unknown>;
}): Promise<C> {
  const { gate } = options;
  for (;;) {
    let file: string | null;
    try {
      return await options.open();
    } catch (err) {
      file = gate.takeRestore();
      if (!file) throw err;
    }
    try {
      await options.restore(file);
    } catch (err) {
      if (!gate.takeCancelled()) gate.noteForNext(`The backup was not restored: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
