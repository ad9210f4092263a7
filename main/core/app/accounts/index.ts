import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { addAccount, type AddAccountInput } from './add-account';
import { summarizeAccount, type AccountSummary } from './account-summary';
import { accountBalance } from './account-balance';
import { listProducts, testConnection } from './connection';
import { editAccount, type EditAccountInput } from './edit-account';
import { removeAccount } from './remove-account';

export type { AccountSummary } from './account-summary';
export type { AddAccountInput } from './add-account';
export type { EditAccountInput } from './edit-account';
export type { AccountBalance } from './account-balance';

/** Accounts: add, edit, remove, and what people may see of them. */
export function accountCommands(deps: AppDeps) {
  return {
    list: async (_actor: Actor): Promise<AccountSummary[]> => Promise.all(deps.accounts.list().map((a) => summarizeAccount(deps, a))),
    /** The account of that name (names are unique, case aside), or null. */
    byName: async (_actor: Actor, name: string): Promise<AccountSummary | null> => {
      const account = deps.accounts.findByName(name);
      return account ? summarizeAccount(deps, account) : null;
    },
    add: (actor: Actor, input: AddAccountInput) => addAccount(deps, actor, input),
    edit: (actor: Actor, input: EditAccountInput) => editAccount(deps, actor, input),
    remove: (actor: Actor, accountId: string) => removeAccount(deps, actor, accountId),
    testConnection: (_actor: Actor, accountId: string) => testConnection(deps, accountId),
    products: (_actor: Actor, accountId: string) => listProducts(deps, accountId),
    /** The prepaid balance the provider tells now (or why not), for the overview and the account picker. */
    balance: (_actor: Actor, accountId: string) => accountBalance(deps, accountId),
  };
}
