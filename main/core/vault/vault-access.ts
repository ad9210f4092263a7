import type { Clock } from '../clock';
import type { Keychain } from '../secrets/keychain';
import { PASSCODE_KDF, type KdfCost } from './passcode-kdf';
import type { UnlockPrompt } from './unlock-prompt';
import type { VaultAccess } from './unlock-store-key';

/** What opening (or restoring) a store with a vault needs, from the composition root's options. */
export function vaultAccess(options: { keychain: Keychain; unlock: UnlockPrompt; passcodeKdf?: KdfCost }, clock: Clock): VaultAccess {
  return { keychain: options.keychain, prompt: options.unlock, cost: options.passcodeKdf ?? PASSCODE_KDF, now: () => clock.now() };
}
