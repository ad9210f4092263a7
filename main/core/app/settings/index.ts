import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';
import type { AppLock } from '../lock/app-lock';

/** Where the chosen idle time is kept; the shell reads it at start. */
export const IDLE_MINUTES_SETTING = 'lock.idleMinutes';

/** The person's preferences, kept in the encrypted store. */
export function settingsCommands(deps: AppDeps) {
  return {
    /** Minutes of no use before the desktop app hides card data; null until a person chose. */
    lockIdleMinutes: (_actor: Actor): number | null => deps.settings.get<number>(IDLE_MINUTES_SETTING),
    /** Keeps the idle time for the next start and applies it to the running lock, if there is one. */
    setLockIdleMinutes(actor: Actor, minutes: number, lock: AppLock | null): { locked: boolean; idleMinutes: number } {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) throw new ValidationError('minutes', 'Choose between 1 and 60 minutes.');
      deps.transaction(() => {
        deps.settings.set(IDLE_MINUTES_SETTING, minutes);
        deps.audit.append(actor, { action: 'settings.lock-idle-minutes', details: { minutes } });
      });
      lock?.setIdleMinutes(minutes);
      return { locked: lock?.locked ?? false, idleMinutes: lock?.idleMinutes ?? minutes };
    },
  };
}
