import type { Actor } from '../../audit/vocabulary';
import { GiftdeskError } from '../../errors';
import type { AppDeps } from '../app-deps';
import type { AppLock, QuickUnlock } from './app-lock';

export type { AppLock, QuickUnlock } from './app-lock';

export interface LockStatus {
  locked: boolean;
  /** null where nothing locks (the CLI). */
  idleMinutes: number | null;
  /** Whole seconds before the next passcode can be checked, after wrong ones (0: now). */
  retryInSeconds: number;
  /** Touch ID (or the like) may unlock now: the shell has it, and the passcode was typed once in this run. */
  quickUnlock: boolean;
}

export class QuickUnlockUnavailable extends GiftdeskError {
  readonly kind = 'quick-unlock-unavailable';
  constructor() {
    super('Touch ID can unlock Giftdesk only after the passcode has been typed once since it started. Type the passcode.', { field: 'passcode' });
  }
}

/**
 * Locking and unlocking the desktop app by hand; each is recorded. Unlocking takes the passcode, checked the only way
 * that proves it (by unwrapping the store's key copy with it); a wrong one is counted in store.json, the next try
 * waits, and the failures reach the audit log with the next right one. The shell's own idle and screen locks are its own.
 */
export function lockCommands(deps: AppDeps) {
  const status = (lock: AppLock | null, quick: QuickUnlock | null = null): LockStatus => {
    const next = deps.vault.status().nextAttemptAt ?? 0;
    return {
      locked: lock?.locked ?? false,
      idleMinutes: lock?.idleMinutes ?? null,
      retryInSeconds: Math.max(0, Math.ceil((next - deps.clock.now()) / 1000)),
      quickUnlock: Boolean(quick?.available() && deps.passcodeEntry.typedThisRun),
    };
  };
  const unlocked = (actor: Actor, method: 'passcode' | 'touch-id') =>
    deps.transaction(() => deps.audit.append(actor, { action: 'lock.unlock', details: { method } }));
  return {
    status: (_actor: Actor, lock: AppLock | null, quick: QuickUnlock | null = null) => status(lock, quick),
    lock(actor: Actor, lock: AppLock | null): LockStatus {
      if (lock && !lock.locked) {
        lock.lock();
        deps.transaction(() => deps.audit.append(actor, { action: 'lock.lock', details: { reason: 'manual' } }));
      }
      return status(lock);
    },
    /** PasscodeWrong or PasscodeWait (the wait is in the status) when refused; the app stays locked. */
    async unlock(actor: Actor, lock: AppLock | null, passcode: string): Promise<LockStatus> {
      if (lock?.locked) {
        const opened = await lock.unlock(async () => {
          await deps.vault.verifyPasscode(passcode);
          return true;
        });
        if (opened) {
          deps.passcodeEntry.typed();
          unlocked(actor, 'passcode');
        }
      }
      return status(lock);
    },
    /** Touch ID, only after a full passcode entry in this run (KeePassXC's rule); it does not count as typing the passcode. */
    async unlockQuickly(actor: Actor, lock: AppLock | null, quick: QuickUnlock | null): Promise<LockStatus> {
      if (!lock?.locked) return status(lock, quick);
      if (!quick?.available() || !deps.passcodeEntry.typedThisRun) throw new QuickUnlockUnavailable();
      if (await lock.unlock(() => quick.prompt('unlock Giftdesk'))) unlocked(actor, 'touch-id');
      return status(lock, quick);
    },
  };
}
