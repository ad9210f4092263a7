import { DEFAULT_SETTINGS, settingsSchema, type SettingChange, type SettingKey, type Settings } from '../../../../shared/settings';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import type { AppDeps } from '../app-deps';
import type { AppLock } from '../lock/app-lock';

/** Where the chosen idle time is kept; the shell reads it at start. */
export const IDLE_MINUTES_SETTING = 'lock.idleMinutes';

const KEY_PREFIX = 'pref.';

/** The stored value of one setting, or its default when none was chosen (or what is stored no longer passes its rule). */
export function settingOf<K extends SettingKey>(deps: Pick<AppDeps, 'settings'>, key: K): Settings[K] {
  const stored = deps.settings.get<unknown>(`${KEY_PREFIX}${key}`);
  const parsed = settingsSchema.shape[key].safeParse(stored);
  return stored !== null && parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
}

const shown = (v: unknown) => (v === null ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));

/** The person's preferences, kept in the encrypted store. */
export function settingsCommands(deps: AppDeps) {
  const all = (): Settings => Object.fromEntries((Object.keys(DEFAULT_SETTINGS) as SettingKey[]).map((k) => [k, settingOf(deps, k)])) as Settings;
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
    /** Every preference of the Settings page, the defaults where none was chosen. */
    all: (_actor: Actor): Settings => all(),
    /** One preference changed, by its own rule, with its audit entry in the same transaction; unchanged is no entry. */
    change(actor: Actor, change: SettingChange): Settings {
      const rule = settingsSchema.shape[change.key];
      if (!rule) throw new ValidationError('key', `There is no setting "${String(change.key)}".`);
      const parsed = rule.safeParse(change.value);
      if (!parsed.success) throw new ValidationError(change.key, parsed.error.issues[0]?.message ?? 'That value is not allowed.');
      const before = settingOf(deps, change.key);
      if (JSON.stringify(before) !== JSON.stringify(parsed.data)) {
        deps.transaction(() => {
          deps.settings.set(`${KEY_PREFIX}${change.key}`, parsed.data);
          deps.audit.append(actor, { action: 'settings.change', details: { setting: change.key, from: shown(before), to: shown(parsed.data) } });
        });
      }
      return all();
    },
  };
}
