import { z } from 'zod';
import { SHEET_LAYOUTS } from './card-outputs';

// The preferences a person sets on the Settings page (the auto-lock time has its own channel, lock.setIdleMinutes).
// Kept in the encrypted store through the application layer; each change is audited. Nothing secret is a setting.

export const settingsSchema = z.object({
  /** Seconds before a copied number, PIN or passphrase is wiped from the clipboard. */
  clipboardSeconds: z.number().int().min(5).max(300),
  /** What the print panel starts with. */
  defaultLayout: z.enum(SHEET_LAYOUTS),
  defaultScratch: z.boolean(),
  /** Seconds between status checks of a live order; null: the provider's guidance by order size. Sandboxes keep their own. */
  pollEverySeconds: z.number().int().min(60).max(3_600).nullable(),
  /** Warn when a prepaid balance falls below this (cents, in the account's currency); null: no warning. */
  lowBalanceCents: z.number().int().min(0).max(1_000_000_000).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** Each setting as the Settings page names it, for the audit log's sentences. */
export const SETTING_NAMES: Record<SettingKey, string> = {
  clipboardSeconds: 'clipboard time (seconds)',
  defaultLayout: 'default sheet layout',
  defaultScratch: 'scratch-off by default',
  pollEverySeconds: 'live order check (seconds)',
  lowBalanceCents: 'low-balance threshold (cents)',
};

export const DEFAULT_SETTINGS: Settings = { clipboardSeconds: 30, defaultLayout: 'a4-10', defaultScratch: false, pollEverySeconds: null, lowBalanceCents: null };

/** One change: a key and its value, checked by that key's own rule. */
const change = <K extends SettingKey>(key: K) => z.strictObject({ key: z.literal(key), value: settingsSchema.shape[key] });
export const settingChangeSchema = z.discriminatedUnion('key', [
  change('clipboardSeconds'),
  change('defaultLayout'),
  change('defaultScratch'),
  change('pollEverySeconds'),
  change('lowBalanceCents'),
]);
export type SettingChange = z.infer<typeof settingChangeSchema>;
