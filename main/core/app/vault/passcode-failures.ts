import type { Actor } from '../../audit/vocabulary';
import type { FailedAttempts } from '../../vault/vault-record';
import type { AppDeps } from '../app-deps';

/**
 * Wrong passcodes are counted in store.json while the store is shut (nothing else can be written then); the next
 * right passcode copies them into the audit log, so a person sees that someone tried.
 */
export function recordPasscodeFailures(deps: Pick<AppDeps, 'audit' | 'transaction'>, actor: Actor, failures: FailedAttempts): void {
  deps.transaction(() => deps.audit.append(actor, { action: 'vault.passcode-failures', details: { ...failures } }));
}
