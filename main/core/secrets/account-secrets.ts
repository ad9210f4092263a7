import { secretNames, type Keychain } from './keychain';

/**
 * The per-account secrets. Callers outside main get only `describe`, which says whether a key is stored and shows
 * its last four characters, never the key itself.
 */
export function createAccountSecrets(keychain: Keychain) {
  return {
    setApiKey: (accountId: string, apiKey: string) => keychain.set(secretNames.apiKey(accountId), apiKey),
    apiKey: (accountId: string) => keychain.get(secretNames.apiKey(accountId)),
    setCertificatePassphrase: (accountId: string, passphrase: string) =>
      keychain.set(secretNames.certificatePassphrase(accountId), passphrase),
    certificatePassphrase: (accountId: string) => keychain.get(secretNames.certificatePassphrase(accountId)),
    async describe(accountId: string): Promise<{ hasApiKey: boolean; apiKeyLast4: string | null; hasCertificatePassphrase: boolean }> {
      const key = await keychain.get(secretNames.apiKey(accountId));
      const passphrase = await keychain.get(secretNames.certificatePassphrase(accountId));
      return { hasApiKey: key !== null, apiKeyLast4: key && key.length >= 12 ? key.slice(-4) : null, hasCertificatePassphrase: passphrase !== null };
    },
    /** Both secrets gone: the account must have them entered again (after a host change, or when it is removed). */
    async forget(accountId: string): Promise<void> {
      await keychain.delete(secretNames.apiKey(accountId));
      await keychain.delete(secretNames.certificatePassphrase(accountId));
    },
  };
}

export type AccountSecrets = ReturnType<typeof createAccountSecrets>;
