import { z } from 'zod';

// What the lock screen, the first-run screens and the Security screen see of the vault. No key, no path beyond a
// file's own name (and a backup folder the person picked), no passcode; the recovery key only while it is shown once.

/** Opening the store at start: the question on the passcode screen, or the new store's recovery key shown once. */
export const startStepSchema = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('question'),
    need: z.enum(['passcode', 'new-passcode', 'recovery-key']),
    reason: z.string().nullable(),
    explanation: z.string().nullable(),
    error: z.object({ kind: z.string(), message: z.string() }).nullable(),
    note: z.string().nullable(),
  }),
  z.object({ step: z.literal('recovery-key'), storeId: z.string(), recoveryKey: z.string() }),
  z.object({ step: z.literal('working') }),
]);
export type StartStepView = z.infer<typeof startStepSchema>;

export const lockViewSchema = z.object({
  locked: z.boolean(),
  idleMinutes: z.number().int().nullable(),
  /** Seconds before the next passcode can be checked, after wrong ones. */
  retryInSeconds: z.number().int().min(0),
  /** Touch ID may unlock (macOS, once the passcode was typed in this run). */
  quickUnlock: z.boolean(),
  /** While the store opens at start; null once it is open. */
  start: startStepSchema.nullable(),
});
export type LockView = z.infer<typeof lockViewSchema>;

export const startAnswerSchema = z.union([
  z.strictObject({ passcode: z.string().min(1).max(1024) }),
  z.strictObject({ recoveryKey: z.string().min(1).max(200) }),
  /** The new store's recovery key is kept (written down, or its kit saved). */
  z.strictObject({ keyKept: z.literal(true) }),
  /** Leave the question (back from a restore's recovery key to the first-run screen). */
  z.strictObject({ cancel: z.literal(true) }),
]);

export const backupViewSchema = z.object({
  at: z.number(),
  /** The backup file's own name (its folder is the one the person picked). */
  fileName: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
  orders: z.number().int().nullable(),
  cards: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  withSecrets: z.boolean(),
});
export type BackupView = z.infer<typeof backupViewSchema>;

export const vaultStatusSchema = z.object({
  passcodeSetAt: z.number(),
  recoveryKeyMadeAt: z.number(),
  restoredAt: z.number().nullable(),
  backups: z.object({
    /** The folder the person picked for daily backups, and how many are kept. */
    schedule: z.object({ folder: z.string(), keep: z.number().int() }).nullable(),
    last: backupViewSchema.nullable(),
    lastSuccess: backupViewSchema.nullable(),
    /** No verified backup for 7 days: the app shows a banner. */
    overdue: z.boolean(),
    includeSecrets: z.boolean(),
  }),
});
export type VaultStatusView = z.infer<typeof vaultStatusSchema>;

export const passcodeSchema = z.string().min(1).max(1024);
