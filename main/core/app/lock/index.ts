import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import type { AppLock } from './app-lock';

export type { AppLock } from './app-lock';

export interface LockStatus {
  locked: boolean;
  /** null where nothing locks (the CLI). */
  idleMinutes: number | null;
}

/** Locking and unlocking the desktop app by hand; each is recorded. The shell's own idle and screen locks are its own. */
export function lockCommands(deps: AppDeps) {
  const status = (lock: AppLock | null): LockStatus => ({ locked: lock?.locked ?? false, idleMinutes: lock?.idleMinutes ?? null });
  return {
    status: (_actor: Actor, lock: AppLock | null) => status(lock),
    lock(actor: Actor, lock: AppLock | null): LockStatus {
      if (lock && !lock.locked) {
        lock.lock();
        deps.transaction(() => deps.audit.append(actor, { action: 'lock.lock', details: { reason: 'manual' } }));
      }
      return status(lock);
    },
    async unlock(actor: Actor, lock: AppLock | null): Promise<LockStatus> {
      if (lock?.locked && (await lock.unlock())) deps.transaction(() => deps.audit.append(actor, { action: 'lock.unlock', details: {} }));
      return status(lock);
    },
  };
}
