import { setTimeout as sleep } from 'node:timers/promises';
import type { CoreOptions } from '../core/create-core';
import { createKeytarKeychain } from '../core/secrets/keytar-keychain';
import { neutralise } from '../../shared/plain-text';
import { createCliInput } from './cli-input';
import { createCliUnlock } from './cli-unlock';
import { EXIT } from './cli-context';
import { COMMANDS } from './commands';
import { runCli } from './run-cli';

/**
 * The CLI as a process: arguments, standard streams, the real keychain. `extra` is what a caller may set beyond that
 * (the tests' small Argon2id cost, a short engine lease and request timeout, a short balance window, worker threads
 * bundled as the desktop build bundles them); everything else is the same for every caller.
 */
export type CliProcessOptions = Partial<Pick<CoreOptions, 'passcodeKdf' | 'leaseTtlMs' | 'providerClient' | 'balanceTiming' | 'workers'>>;

export async function runCliProcess(extra: CliProcessOptions = {}): Promise<void> {
  // A reader that stops early (`| head`) is not an error of ours: stop writing quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const err = (line: string) => void process.stderr.write(`${terminalSafe(line)}\n`);
  const input = createCliInput(process.stdin, process.stderr);
  const unlock = createCliUnlock(input, err, (ms) => sleep(ms));
  // Ctrl-C: what the running command has to say (which orders are still open), then exit 130 as a shell expects.
  // Every order's state is committed as it changes, so stopping here loses nothing; "resume" carries them on.
  let sayInterrupted: (() => void) | null = null;
  process.on('SIGINT', () => {
    try {
      sayInterrupted?.();
    } finally {
      process.exit(EXIT.interrupted);
    }
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    commands: COMMANDS,
    onInterrupt: (say) => {
      sayInterrupted = say;
      return () => void (sayInterrupted = null);
    },
    // The listings (orders, cards, account list…) work on a data folder this user cannot write; the rest says why not.
    coreOptions: { keychain: createKeytarKeychain(), label: 'CLI', unlock, whenReadOnly: 'open-read-only', ...extra },
    passcodeGiven: () => unlock.passcodeGiven(),
    out: (line) => process.stdout.write(`${terminalSafe(line)}\n`),
    err,
    readStdin: () => input.rest(),
    secretLine: (prompt) => input.line(prompt),
  });
}

/**
 * What reaches the terminal has no escape codes or direction overrides in it, whatever a stored name or a provider
 * string holds; the tabs and line breaks of the CLI's own output stay.
 */
function terminalSafe(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split('\t').map(neutralise).join('\t'))
    .join('\n');
}
