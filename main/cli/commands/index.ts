import type { CliCommand } from '../cli-context';

/** Every CLI command. Longer names first, so "account add" wins over a plain "account". */
export const COMMANDS: CliCommand[] = [];
