import { GiftdeskError } from '../errors';

/** The OS keychain, as the core sees it. The only place secrets are kept at rest outside the encrypted store. */
export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export class KeychainUnavailable extends GiftdeskError {
  readonly kind = 'keychain-unavailable';
  constructor(detail: string, cause?: unknown) {
    super(
      `The system keychain is not available (${detail}). Giftdesk keeps its keys only there and will not fall back to a file. ` +
        'On Linux, install libsecret and run a Secret Service such as gnome-keyring (unlocked, in your D-Bus session); ' +
        'on macOS and Windows, sign in to your user session so the Keychain / Credential Manager is unlocked.',
      { cause },
    );
  }
}

/** Keychain account names. Keys are namespaced by store or account id so that several data dirs never collide. */
export const secretNames = {
  databaseKey: (storeId: string) => `store:${storeId}:database-key`,
  apiKey: (accountId: string) => `account:${accountId}:api-key`,
  certificatePassphrase: (accountId: string) => `account:${accountId}:certificate-passphrase`,
};
