import { GiftdeskError } from '../errors';
import { deviceSecretName } from './device-secret-name';

// Every way the vault can refuse. None of them touches the database files; the passcode ones carry the field the
// person must retype, so the CLI prints `passcode: …` and the app shows the wait.

export class PasscodeWrong extends GiftdeskError {
  readonly kind = 'passcode-wrong';
  constructor(
    readonly failedAttempts: number,
    /** How long the next attempt must wait, in whole seconds. */
    readonly waitSeconds: number,
    /** False where the attempt could not be written down (a read-only data folder), so no wait follows it. */
    readonly counted = true,
  ) {
    super(
      counted
        ? `That passcode is wrong (${failedAttempts} failed ${failedAttempts === 1 ? 'attempt' : 'attempts'} in a row). ` +
            `Wait ${waitSeconds} s before trying again; if it is forgotten, open the store with its recovery key.`
        : 'That passcode is wrong. The data folder is read-only, so the attempt could not be counted; if the passcode is forgotten, ' +
            'open the store with its recovery key once the folder can be written.',
      { field: 'passcode' },
    );
  }
}

export class PasscodeWait extends GiftdeskError {
  readonly kind = 'passcode-wait';
  constructor(
    readonly failedAttempts: number,
    readonly waitSeconds: number,
  ) {
    super(
      `After ${failedAttempts} wrong ${failedAttempts === 1 ? 'passcode' : 'passcodes'} the next try must wait: ` +
        `try again in ${waitSeconds} s. This attempt was not checked.`,
      { field: 'passcode' },
    );
  }
}

export class PasscodeTooWeak extends GiftdeskError {
  readonly kind = 'passcode-too-weak';
  constructor(detail: string) {
    super(detail, { field: 'passcode' });
  }
}

export class DeviceSecretMissing extends GiftdeskError {
  readonly kind = 'device-secret-missing';
  constructor(storeId: string, secretId: string) {
    super(
      `The card store ${storeId} cannot be opened with its passcode: the system keychain reached from here holds no device ` +
        `secret for it (Giftdesk / ${deviceSecretName(storeId, secretId)}), and the passcode alone opens nothing. The store was ` +
        'left exactly as it was, and Giftdesk will not replace it with a new one. What can open it: its recovery key (then a ' +
        'new passcode is set and a new device secret made), or the keychain that holds the secret (the same user on this ' +
        'computer; on a Linux machine without a desktop, the same keyring folder through scripts/headless-keyring.sh).',
    );
  }
}

export class DeviceSecretMalformed extends GiftdeskError {
  readonly kind = 'device-secret-malformed';
  constructor(storeId: string) {
    super(
      `This computer's keychain entry for the device secret of store ${storeId} is malformed (it is not the 64-digit ` +
        'secret Giftdesk wrote). Nothing was changed; restore the keychain entry, or open the store with its recovery key.',
    );
  }
}

export class RecoveryKeyWrong extends GiftdeskError {
  readonly kind = 'recovery-key-wrong';
  constructor(detail = 'That recovery key does not open this store') {
    super(`${detail}. Check it against the printed recovery kit (8 groups of 4 letters and digits); nothing was changed.`, {
      field: 'recovery-key',
    });
  }
}

export class UnlockCancelled extends GiftdeskError {
  readonly kind = 'unlock-cancelled';
  constructor(what: string) {
    super(`No ${what} was given, so the card store stays closed. Nothing was changed.`, { field: 'passcode' });
  }
}

/** store.json says the store has a vault, but its vault section is not one this Giftdesk can read. */
export class VaultRecordInvalid extends GiftdeskError {
  readonly kind = 'vault-record-invalid';
  constructor(file: string, detail: string) {
    super(`${file} does not hold a vault this Giftdesk can read (${detail}). It was left as it is.`);
  }
}
