import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';

/** Removes an account that has no orders, then its secrets. One with orders is kept: its cards are reached through it. */
export async function removeAccount(deps: AppDeps, actor: Actor, accountId: string): Promise<void> {
  deps.transaction(() => {
    const account = deps.accounts.get(accountId);
    if (deps.orders.list({ accountId }).length > 0) {
      // Orders and their cards point at the account; removing it would orphan money already paid for.
      throw new ValidationError('accountId', `"${account.name}" has orders, so it is kept. Its cards stay reachable through it.`);
    }
    deps.accounts.remove(accountId);
    deps.audit.append(actor, { action: 'account.remove', details: { accountId, name: account.name } });
  });
  deps.providers.forget(accountId);
  await deps.secrets.forget(accountId);
}
