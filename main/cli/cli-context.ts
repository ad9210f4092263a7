import type { App } from '../core/app/create-app';
import type { Actor } from '../core/audit/vocabulary';

export interface CliIo {
  /** One line to stdout (the --json lines go here). */
  out(line: string): void;
  /** One line to stderr: progress and messages for people. Never a secret, except a passphrase shown once on purpose. */
  err(line: string): void;
  /** The rest of stdin once the passcode line is read, for the command's secrets; '' on a terminal or when empty. */
  readStdin(): Promise<string>;
}

export interface CliContext extends CliIo {
  /** The application layer: a command's only way into the core. */
  app: App;
  /** The CLI and the OS user running it. */
  actor: Actor;
  json: boolean;
}

export interface CliCommand {
  /** One or two words, e.g. "account add", "orders". */
  name: string;
  usage: string;
  summary: string;
  /** The option that carries each command input field, so an error names what the person typed ("quantity" → "qty"). */
  flags?: Readonly<Record<string, string>>;
  /** Returns the exit code: 0 done, 1 failed or needs attention, 2 bad input. */
  run(ctx: CliContext, argv: string[]): Promise<number>;
}

/** 130 is what a shell reports for a command stopped by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;
