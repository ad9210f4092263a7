import { KeychainUnavailable, type Keychain } from './keychain';

type Keytar = typeof import('keytar');

export const KEYCHAIN_SERVICE = 'Giftdesk';

/**
 * The real OS keychain (libsecret / Keychain / Credential Manager) through keytar.
 * Any failure to reach it is a KeychainUnavailable: the caller must refuse, not improvise.
 */
export function createKeytarKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  let keytar: Keytar | undefined;
  const load = async (): Promise<Keytar> => {
    if (keytar) return keytar;
    try {
      // keytar is native and loads libsecret at load time; a missing library must surface as KeychainUnavailable.
      const mod = (await import('keytar')) as Keytar & { default?: Keytar };
      keytar = mod.default ?? mod;
      return keytar;
    } catch (err) {
      throw new KeychainUnavailable('the keytar module could not load', err);
    }
  };
  const guard = async <T>(what: string, op: (k: Keytar) => Promise<T>): Promise<T> => {
    const k = await load();
    try {
      return await op(k);
    } catch (err) {
      throw new KeychainUnavailable(`${what} failed: ${describe(err)}`, err);
    }
  };
  return {
    get: (account) => guard('reading a secret', (k) => k.getPassword(service, account)),
    set: (account, secret) => guard('storing a secret', (k) => k.setPassword(service, account, secret)),
    delete: (account) => guard('deleting a secret', (k) => k.deletePassword(service, account)),
  };
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // keytar's messages come from libsecret/D-Bus and never contain the secret; keep them short.
  return text.split('\n')[0]!.slice(0, 200);
}
