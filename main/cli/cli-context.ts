import type { App } from '../core/app/create-app';
import type { Actor } from '../core/audit/vocabulary';
import type { CoreOptions } from '../core/create-core';

export interface CliIo {
  /** One line to stdout (the --json lines go here). */
  out(line: string): void;
  /** One line to stderr: progress and messages for people. Never a secret, except one shown once on purpose. */
  err(line: string): void;
  /** The rest of stdin once the passcode line is read, for the command's secrets; '' on a terminal or when empty. */
  readStdin(): Promise<string>;
  /** The next secret: the next line of stdin, or a terminal prompt without echo; null when input has ended. */
  secretLine(prompt: string): Promise<string | null>;
}

export interface CliContext extends CliIo {
  /** The application layer: a command's only way into the core. */
  app: App;
  /** The CLI and the OS user running it. */
  actor: Actor;
  json: boolean;
  /** The passcode that opened the store in this run, when one was asked for. */
  passcodeGiven(): string | null;
}

/** What a command that runs before any store is open (restore) is given: where, and what a core would be built with. */
export interface PreCoreContext extends CliIo {
  actor: Actor;
  json: boolean;
  dataDir: string;
  coreOptions: Omit<CoreOptions, 'dataDir'>;
}

interface CommandInfo {
  /** One or two words, e.g. "account add", "orders". */
  name: string;
  usage: string;
  summary: string;
  /** The option that carries each command input field, so an error names what the person typed ("quantity" → "qty"). */
  flags?: Readonly<Record<string, string>>;
}

export interface StoreCommand extends CommandInfo {
  preCore?: false;
  /** Returns the exit code: 0 done, 1 failed or needs attention, 2 bad input. */
  run(ctx: CliContext, argv: string[]): Promise<number>;
}

/** A command that must not open the data folder's store first (it makes one, from a backup). */
export interface PreCoreCommand extends CommandInfo {
  preCore: true;
  run(ctx: PreCoreContext, argv: string[]): Promise<number>;
}

export type CliCommand = StoreCommand | PreCoreCommand;

/** 130 is what a shell reports for a command stopped by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;
