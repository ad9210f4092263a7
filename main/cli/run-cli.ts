import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { asStoreDamage } from '../core/app/store-damage';
import { createCore, type CoreOptions } from '../core/create-core';
import { defaultDataDir } from '../core/data-dir';
import { GiftdeskError, ValidationError } from '../core/errors';
import { EXIT, type CliCommand, type CliContext, type CliIo } from './cli-context';
import { sayInterrupted } from './commands/follow-order';
import { sandboxHelp } from './sandbox-help';

export interface CliDeps extends CliIo {
  env: NodeJS.ProcessEnv;
  commands: CliCommand[];
  /** Everything createCore needs but the data folder, which comes from --data-dir or the environment. */
  coreOptions: Omit<CoreOptions, 'dataDir'>;
  /**
   * Hands over what to say if the person presses Ctrl-C now (it must say it at once: the process exits 130 right
   * after). Returns the function that takes it back.
   */
  onInterrupt?(say: () => void): () => void;
  /** The passcode the unlock prompt handed over, if it did. */
  passcodeGiven?: () => string | null;
}

/** The options a data folder's errors are named after, whichever command runs. */
const GLOBAL_FLAGS = { dataDir: 'data-dir' } as const;

const HELP = (commands: CliCommand[]) =>
  [
    'Usage: giftdesk [--data-dir DIR] [--json] COMMAND [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`),
    '',
    'Secrets are read from stdin, never from arguments: the passcode first (or a terminal prompt), then the command\'s own.',
    '',
    ...sandboxHelp(),
  ].join('\n');

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const globals = splitGlobals(argv);
  if (!globals.ok) {
    deps.err(globals.message);
    return EXIT.badInput;
  }
  const { dataDir, json, rest } = globals;
  if (rest.length === 0 || rest[0] === 'help' || rest[0] === '--help') {
    deps.err(HELP(deps.commands));
    return rest.length === 0 ? EXIT.badInput : EXIT.ok;
  }
  const command = findCommand(deps.commands, rest);
  if (!command) {
    deps.err(`Unknown command "${rest.slice(0, 2).join(' ')}". Run "help" to list the commands.`);
    return EXIT.badInput;
  }
  const args = rest.slice(command.name.split(' ').length);
  const folder = dataDir ?? defaultDataDir(deps.env);
  const actor = { via: 'cli' as const, user: deps.coreOptions.user ?? os.userInfo().username };
  if (command.preCore) {
    try {
      return await command.run({ ...deps, actor, json, dataDir: folder, coreOptions: deps.coreOptions }, args);
    } catch (err) {
      deps.err(describeError(err, command.flags));
      return err instanceof GiftdeskError && err.field ? EXIT.badInput : EXIT.failed;
    }
  }
  let core;
  try {
    core = await createCore({ ...deps.coreOptions, dataDir: folder });
  } catch (err) {
    deps.err(describeError(err, GLOBAL_FLAGS));
    return exitCodeOf(err);
  }
  const ctx: CliContext = { ...deps, app: core.app, actor: { via: 'cli', user: core.user }, json, passcodeGiven: deps.passcodeGiven ?? (() => null) };
  const stopListening = deps.onInterrupt?.(() => sayInterrupted(ctx));
  let code: number;
  try {
    code = await command.run(ctx, args);
  } catch (err) {
    // A passcode refused (wrong, or too easy to guess for a new one) is bad input, like at the store's opening.
    deps.err(describeError(err, { ...GLOBAL_FLAGS, ...command.flags }));
    code = exitCodeOf(err);
  } finally {
    stopListening?.();
    await core.close();
  }
  // The integrity check begun at open has finished by now (the store closes after it): damage it found is reported
  // even when the command itself read nothing damaged.
  const damage = await core.app.integrity();
  if (damage && code === EXIT.ok) {
    deps.err(describeError(damage));
    return EXIT.failed;
  }
  return code;
}

/**
 * An error that names what the person typed or chose (an option, the passcode, the data folder, an order number)
 * is bad input: exit 2. Anything else that stopped the command is a failure: exit 1.
 */
function exitCodeOf(err: unknown): number {
  return err instanceof GiftdeskError && err.field !== undefined ? EXIT.badInput : EXIT.failed;
}

function splitGlobals(argv: string[]): { ok: true; dataDir?: string; json: boolean; rest: string[] } | { ok: false; message: string } {
  let dataDir: string | undefined;
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--data-dir') {
      const v = argv[++i];
      if (!v) return { ok: false, message: '--data-dir: give a folder.' };
      dataDir = v;
    } else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else rest.push(a);
  }
  return { ok: true, dataDir, json, rest };
}

function findCommand(commands: CliCommand[], words: string[]): CliCommand | undefined {
  const two = words.slice(0, 2).join(' ');
  return commands.find((c) => c.name === two) ?? commands.find((c) => c.name === words[0]);
}

/** One line: scripts read the first line of stderr, and the field at fault comes first, named as its option. */
export function describeError(thrown: unknown, flags: Readonly<Record<string, string>> = {}): string {
  const err = asStoreDamage(thrown);
  const text =
    err instanceof GiftdeskError
      ? err.field
        ? `${flags[err.field] ?? err.field}: ${err.message}`
        : err.message
      : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
  return text.replace(/\s*\n\s*/g, ' ');
}

/** parseArgs for one command's options, with errors as ValidationError naming the option. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: attachNegativeNumbers(argv, options), options, allowPositionals, strict: true } as const);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? 'arguments';
    throw new ValidationError(option.replace(/^-+/, ''), message);
  }
}

/**
 * `--qty -1` as `--qty=-1`: parseArgs takes a value that starts with a dash for an option, and would answer that
 * the argument is ambiguous; the command's own check then says what is wrong with the number.
 */
function attachNegativeNumbers(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const takesValue = arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
