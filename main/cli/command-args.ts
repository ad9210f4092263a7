import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AccountSummary } from '../core/app/accounts';
import { ValidationError } from '../core/errors';
import type { CliContext } from './cli-context';

// Arguments several commands take, checked the same way everywhere; a bad one is a ValidationError naming it.

/** An order's cards (ORDER) or a hand-out's (--handout H): exactly one of the two. */
export function targetArg(positionals: string[], handout: string | undefined, command: string): { orderId: number } | { handoutId: number } {
  if (handout === undefined) return { orderId: orderArg(positionals, command) };
  if (positionals.length > 0) throw new ValidationError('handout', `Give an order or --handout H, not both.`);
  return { handoutId: idArg([handout], 'handout', `${command} --handout 3`) };
}

export function orderArg(positionals: string[], command: string): number {
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) {
    throw new ValidationError('order', `Give one order number, e.g. "${command} 12".`);
  }
  return id;
}

export function outArg(out: string | undefined, force: boolean): string {
  if (!out) throw new ValidationError('out', 'Give the file to write with --out FILE.');
  const resolved = path.resolve(out);
  if (existsSync(resolved) && !force) throw new ValidationError('out', `${out} already exists; pass --force to replace it.`);
  return resolved;
}

export function optionalNumber(field: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new ValidationError(field, `--${field} must be a positive number.`);
  return n;
}

/** The account an --account option names (names are unique, case aside). */
export async function accountArg(ctx: CliContext, name: string | undefined): Promise<AccountSummary> {
  if (!name) throw new ValidationError('account', '--account is required.');
  const account = await ctx.app.accounts.byName(ctx.actor, name);
  if (!account) throw new ValidationError('account', `No account called "${name}" (see "account list").`);
  return account;
}

/** A positional id (a hand-out's, a card's), named in the message as the person typed it. */
export function idArg(positionals: string[], field: string, example: string): number {
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) throw new ValidationError(field, `Give one ${field} number, e.g. "${example}".`);
  return id;
}
