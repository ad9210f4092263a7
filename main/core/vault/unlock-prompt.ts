import type { DeviceSecretMissing, PasscodeTooWeak, PasscodeWait, PasscodeWrong, RecoveryKeyWrong } from './errors';

/**
 * How the core asks a person for what opens the store. The shell only relays: the desktop app shows a passcode
 * screen and answers from it, the CLI reads a terminal prompt without echo or a line of standard input, tests answer
 * from a constant. The core runs the dialogue itself (which question, the wait after a wrong passcode, the upgrade of
 * an old store, a new passcode after the recovery key), so no shell holds a rule.
 */
export interface UnlockPrompt {
  /** Asked again, with `error` set, after a refused answer; answering null gives up and the error is thrown. */
  ask(request: UnlockRequest): Promise<UnlockAnswer>;
  /**
   * The recovery key, once, after its wrapped copy is durably written: it is never stored or shown again (a new one
   * can be made while the store is open). The shell shows it in groups and offers the printable kit.
   */
  showRecoveryKey(shown: { storeId: string; recoveryKey: string }): Promise<void>;
}

export type NewPasscodeReason =
  /** A data folder without a store: the first passcode. */
  | 'new-store'
  /** A store made before the vault, opened for the first time since. */
  | 'upgrade'
  /** Opened with the recovery key: the old passcode (or this computer's device secret) is gone. */
  | 'recovered'
  /** A store just restored from a backup. */
  | 'restored';

export type UnlockRequest =
  /** The store's passcode; a recovery key is accepted instead. */
  | { need: 'passcode'; storeId: string; error?: PasscodeWrong | PasscodeWait | RecoveryKeyWrong }
  /**
   * Only the recovery key can open it: this computer's keychain has no device secret for the store (`because` says so
   * in words), or a backup is being restored.
   */
  | { need: 'recovery-key'; storeId: string; reason: 'device-secret-missing' | 'restore'; because?: DeviceSecretMissing; error?: RecoveryKeyWrong }
  /** A passcode to set; it is judged for strength before anything is written. */
  | { need: 'new-passcode'; storeId: string; reason: NewPasscodeReason; error?: PasscodeTooWeak };

export type UnlockAnswer = { passcode: string } | { recoveryKey: string } | null;
