import { StoreReadOnly, type ReadOnlyReason } from '../store/errors';

// A store opened from a data folder this process cannot write (the CLI's listings still work there): the commands
// that only read are left as they are, and every other one refuses before it does anything, saying why.

type Commands = Record<string, (...args: never[]) => unknown>;

/** The commands of each subject that only read. A name that is not a command of its subject does not compile. */
export type ReadsOf<App extends Record<string, Commands>> = { [S in keyof App]: readonly (keyof App[S] & string)[] };

/** What a refused command would have written, where it says more than "this command writes to it". */
const NEEDS: Record<string, string> = {
  'orders.place': 'an order is written there before anything is sent',
  'orders.resumeAll': 'carrying orders on writes their progress there',
  'orders.name': "an order's name and memo are written there with their audit entry",
  'cards.reveal': 'every reveal is written to its audit log first',
  'cards.revealOrder': 'every reveal is written to its audit log first',
  'outputs.saveSheet': 'every card sheet is written to its audit log',
  'outputs.previewSheet': 'every card sheet is written to its audit log',
  'outputs.printSheet': 'every card sheet is written to its audit log',
  'outputs.previewPages': 'every card sheet is written to its audit log',
  'outputs.exportCards': 'every card file is written to its audit log',
};

export function readOnlyApp<App extends Record<string, Commands>>(app: App, reads: ReadsOf<App>, folder: { dataDir: string; why: ReadOnlyReason }): App {
  const guarded: Record<string, Commands> = {};
  for (const [subject, commands] of Object.entries(app)) {
    const allowed = new Set<string>(reads[subject as keyof App]);
    guarded[subject] = Object.fromEntries(
      Object.entries(commands).map(([name, command]) => [
        name,
        allowed.has(name)
          ? command
          : () => {
              throw new StoreReadOnly(folder.dataDir, folder.why, NEEDS[`${subject}.${name}`]);
            },
      ]),
    );
  }
  return guarded as App;
}
