import type { Account } from '../../../../shared/domain';
import { ConnectionTestFailed, GiftdeskError } from '../../errors';
import type { GivenSecrets } from '../../providers/provider-registry';
import type { AppDeps } from '../app-deps';
import { askProvider, type ConnectionTest } from './connection';

/**
 * What to do about the connection before an account's key is saved: test it and store nothing when it fails, or save
 * anyway because the person said so. Not given (the CLI without --test, older scripts): save without testing.
 */
export type ConnectionChoice = 'test' | 'save-anyway';

/**
 * Asks the provider with the settings and secrets about to be saved, none of them stored yet. A failure the person
 * can act on (a refused key, an unreachable host, a certificate the host rejects) becomes ConnectionTestFailed with
 * the provider's words; anything else is a fault and stays one.
 */
export async function testBeforeSaving(deps: Pick<AppDeps, 'providers'>, account: Account, secrets: GivenSecrets): Promise<ConnectionTest> {
  let client: Awaited<ReturnType<AppDeps['providers']['probe']>> | null = null;
  try {
    client = await deps.providers.probe(account, secrets);
    return await askProvider(client);
  } catch (err) {
    if (err instanceof GiftdeskError) throw new ConnectionTestFailed(err.message, { cause: err });
    throw err;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** How the audit entry says the connection was dealt with (nothing, when it was not tested). */
export function connectionNote(choice: ConnectionChoice | undefined): { connection?: 'tested' | 'saved-anyway' } {
  return choice === 'test' ? { connection: 'tested' } : choice === 'save-anyway' ? { connection: 'saved-anyway' } : {};
}
