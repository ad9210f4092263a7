import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { vaultAccess, type Core } from '../../main/core/create-core';
import { LATEST_SCHEMA_VERSION } from '../../main/core/store/migrations';
import { readBackupHeader } from '../../main/core/vault/backup/backup-file';
import { BackupInvalid, BackupTooNew, RestoreTargetInUse } from '../../main/core/vault/backup/errors';
import type { RestoreResult } from '../../main/core/vault/backup/restore-backup';
import { restoreBackup } from '../../main/core/vault/backup/restore-backup';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key';
import { addTestAccount, openCore, person, realKeychain, TEST_KDF, testUnlock } from '../support/core';
import { createFaultInstruments } from '../../main/sandbox/fault-instruments';
import { allFiles, fingerprint } from '../support/files';
import { runInFreshKeyring } from '../support/fresh-keyring';
import { readRows, type StoreRows } from '../support/store-rows';
import { tempDir } from '../support/temp-dir';
import { databaseKeyOf, deviceSecretEntry, recoveryKeyOf } from '../support/vault';

// Made at run time, so that no source file (nor tsx's compile cache of one, in the temp folder) holds them.
const PASSCODE = `Ferry-${randomBytes(9).toString('base64url')}-Quartz`;
const NEW_PASSCODE = `Moth-${randomBytes(9).toString('base64url')}-Tandem`;
const API_KEY = 'wpay-live-9d2f7c1a44e84b0f8c3e5a6b7d9e0f12';

// Everything temporary goes under one folder of this file's own, so it can be searched for secrets byte by byte.
const savedTmp = process.env.TMPDIR;
let tmp: string;
beforeAll(() => {
  tmp = tempDir('giftdesk-vault-tmp-');
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

interface ChildResult {
  ok: boolean;
  kind?: string;
  message?: string;
  restored: RestoreResult;
  asked: string[];
  sourceEntryFound: boolean;
  deviceSecret: string;
  apiKeys: Record<string, string | null>;
  rows: StoreRows;
}

const restoreElsewhere = (input: { file: string; dataDir: string; recoveryKey: string; sourceEntry: string; accountIds?: string[] }) =>
  runInFreshKeyring<ChildResult>('test/support/restore-child.ts', { newPasscode: NEW_PASSCODE, accountIds: [], ...input });

function waitForCards(core: Core, orderId: number, atLeast: number): Promise<void> {
  return new Promise((resolve) => {
    const off = core.engine.onProgress((p) => {
      if (p.orderId === orderId && p.cardsStored >= atLeast) {
        off();
        resolve();
      }
    });
  });
}

/** Rows of the source whose id is at most the highest the backup holds: the source as of the backup. */
const upTo = <T extends Record<string, unknown>>(rows: T[], restored: T[]) => rows.filter((r) => (r.id as number) <= ((restored.at(-1)?.id as number) ?? 0));

describe('a backup taken while an order is being fetched', () => {
  it('restores on a fresh data folder and a fresh Secret Service with the recovery key alone, equal to the source as of the backup', async () => {
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    const backupDir = path.join(root, 'backups');
    mkdirSync(backupDir);
    const core = await openCore(dataDir, {
      unlock: testUnlock((r) => (r.error ? null : { passcode: PASSCODE })),
      sandbox: { instruments: createFaultInstruments({ latencyMs: 250 }), processing: { baseMs: 300, perCardMs: 0.05 } },
    });
    const account = core.accounts.findByName('Sandbox (Wpay)')!;
    core.accounts.update(account.id, { fetchConcurrency: 1 });
    const placed = await core.app.orders.place(person(), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 1000, quantity: 5_000 }], pollEverySeconds: 0.2 });
    await waitForCards(core, placed.id, 1_000);
    const file = path.join(backupDir, 'mid-fetch.gdbackup');
    const made = await core.backups.backup(file);
    expect(made.ok).toBe(true);
    const settled = await core.engine.settled(placed.id);
    expect(settled.state).toBe('complete');
    expect(core.backups.status().last).toMatchObject({ ok: true, file, counts: made.counts });
    await core.close();

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(backupDir)).toEqual(['mid-fetch.gdbackup']);
    const recoveryKey = recoveryKeyOf(dataDir);
    const restoredDir = path.join(root, 'elsewhere', 'data');
    const child = await restoreElsewhere({ file, dataDir: restoredDir, recoveryKey, sourceEntry: deviceSecretEntry(dataDir) });
    expect(child).toMatchObject({ ok: true, sourceEntryFound: false, asked: ['recovery-key', 'new-passcode'] });
    expect(child.restored.counts).toEqual(made.counts);

    const { rows } = child;
    // Taken mid-fetch: some cards, not all, and the store went on to all 5,000 afterwards.
    expect(rows.cards.length).toBeGreaterThan(0);
    expect(rows.cards.length).toBeLessThan(5_000);
    expect(rows.cards.length).toBe(made.counts!.cards);
    const source = readRows(dataDir, databaseKeyOf(dataDir));
    expect(source.cards).toHaveLength(5_000);
    expect(rows.cards).toEqual(upTo(source.cards, rows.cards));
    expect(rows.events).toEqual(upTo(source.events, rows.events));
    expect(rows.events.length).toBe(made.counts!.events);
    // Orders change after the backup; what they were at the backup is what their audit trail in it says.
    expect(rows.orders.map((o) => o.id)).toEqual(source.orders.map((o) => o.id));
    for (const order of rows.orders) {
      const now = source.orders.find((o) => o.id === order.id)!;
      for (const column of ['account_id', 'client_reference', 'quantity', 'total_cents', 'currency', 'created_at']) expect(order[column]).toEqual(now[column]);
      const trail = rows.events.filter((e) => e.subject === `order:${order.id}` && e.action === 'order.transition');
      expect(order.state).toBe((JSON.parse(String(trail.at(-1)?.details)) as { to: string }).to);
    }

    // No file anywhere holds a key, the passcodes or the recovery key.
    const sourceSecret = Buffer.from((await realKeychain.get(deviceSecretEntry(dataDir)))!, 'hex');
    const databaseKey = Buffer.from(databaseKeyOf(dataDir), 'hex');
    const needles = [
      databaseKey,
      Buffer.from(databaseKey.toString('hex')),
      sourceSecret,
      Buffer.from(sourceSecret.toString('hex')),
      Buffer.from(child.deviceSecret, 'hex'),
      Buffer.from(child.deviceSecret),
      Buffer.from(PASSCODE),
      Buffer.from(NEW_PASSCODE),
      Buffer.from(recoveryKey),
      Buffer.from(recoveryKey.replace(/-/g, '')),
      parseRecoveryKey(recoveryKey)!,
    ];
    const searched = [dataDir, backupDir, restoredDir, tmp].flatMap((dir) => allFiles(dir));
    expect(searched.map((f) => path.basename(f.file))).toEqual(expect.arrayContaining(['giftdesk.db', 'store.json', 'mid-fetch.gdbackup']));
    for (const { file: f, bytes } of searched) {
      const found = needles.filter((n) => bytes.includes(n));
      expect(found.length, `${f} holds ${found.length} secrets`).toBe(0);
    }
  });
});

describe('backups and restores', () => {
  async function storeWithBackup(options: { includeSecrets?: boolean } = {}) {
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    const core = await openCore(dataDir, { sandbox: false });
    const account = addTestAccount(core);
    await core.secrets.setApiKey(account.id, API_KEY);
    const file = path.join(root, 'store.gdbackup');
    await core.backups.backup(file, options);
    await core.close();
    return { root, dataDir, file, accountId: account.id, recoveryKey: recoveryKeyOf(dataDir) };
  }

  const restoreHere = (file: string, dataDir: string, recoveryKey: string, replace = false) =>
    restoreBackup({
      file,
      dataDir,
      replace,
      access: vaultAccess(
        { keychain: realKeychain, unlock: testUnlock((r) => (r.error ? null : r.need === 'recovery-key' ? { recoveryKey } : { passcode: NEW_PASSCODE })), passcodeKdf: TEST_KDF },
        systemClock,
      ),
    });

  it('leave API keys out unless asked, and bring them back into the new keychain when they were included', async () => {
    const plain = await storeWithBackup();
    const without = await restoreElsewhere({ file: plain.file, dataDir: path.join(plain.root, 'r'), recoveryKey: plain.recoveryKey, sourceEntry: 'x', accountIds: [plain.accountId] });
    expect(without).toMatchObject({ ok: true, apiKeys: { [plain.accountId]: null } });
    expect(readFileSync(plain.file).includes(Buffer.from(API_KEY))).toBe(false);

    const withKeys = await storeWithBackup({ includeSecrets: true });
    expect(readFileSync(withKeys.file).includes(Buffer.from(API_KEY))).toBe(false);
    const restored = await restoreElsewhere({ file: withKeys.file, dataDir: path.join(withKeys.root, 'r'), recoveryKey: withKeys.recoveryKey, sourceEntry: 'x', accountIds: [withKeys.accountId] });
    expect(restored).toMatchObject({ ok: true, apiKeys: { [withKeys.accountId]: API_KEY } });
    expect(restored.restored.secretsRestored).toBe(1);
  });

  it('refuse a data folder that holds a store unless told to replace it, and then rename it aside, never delete it', async () => {
    const { root, file, recoveryKey } = await storeWithBackup();
    const target = path.join(root, 'target');
    const other = await openCore(target, { sandbox: false });
    await other.close();
    const before = fingerprint(target);
    await expect(restoreHere(file, target, recoveryKey)).rejects.toBeInstanceOf(RestoreTargetInUse);
    expect(fingerprint(target)).toEqual(before);

    const result = await restoreHere(file, target, recoveryKey, true);
    expect(result.replacedFolder).toMatch(/target\.replaced-\d{8}-\d{6}$/);
    expect(fingerprint(result.replacedFolder!)).toEqual(before);
    const restored = await openCore(target, { unlock: testUnlock(() => ({ passcode: NEW_PASSCODE })), sandbox: false });
    expect(restored.storeId).toBe(result.storeId);
    expect(restored.vault.status().restoredFrom).toMatchObject({ backupCreatedAt: result.backupCreatedAt });
    await restored.close();
  });

  it('refuse a backup from a newer Giftdesk before asking anything, and a damaged one, leaving the target untouched', async () => {
    const { root, file, recoveryKey } = await storeWithBackup();
    const { header, databaseOffset } = readBackupHeader(file);
    const bytes = readFileSync(file);
    const json = Buffer.from(JSON.stringify({ ...header, schemaVersion: LATEST_SCHEMA_VERSION + 1, appVersion: '9.0.0' }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const newer = path.join(root, 'newer.gdbackup');
    writeFileSync(newer, Buffer.concat([bytes.subarray(0, 16), length, json, bytes.subarray(databaseOffset)]));
    const target = path.join(root, 'target');
    const error = await restoreHere(newer, target, recoveryKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupTooNew);
    expect((error as Error).message).toContain('Giftdesk 9.0.0');
    expect(existsSync(target)).toBe(false);

    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0x55]), 0, 1, databaseOffset + 5000);
    closeSync(fd);
    await expect(restoreHere(file, target, recoveryKey)).rejects.toBeInstanceOf(BackupInvalid);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['data', 'newer.gdbackup', 'store.gdbackup']);
  });

  it('count only when verified: a backup that cannot be written leaves no file and is reported as failed', async () => {
    const root = tempDir();
    const core = await openCore(path.join(root, 'data'), { sandbox: false });
    try {
      const missing = path.join(root, 'no-such-folder', 'b.gdbackup');
      await expect(core.backups.backup(missing)).rejects.toThrow();
      expect(existsSync(path.dirname(missing))).toBe(false);
      expect(core.backups.status()).toMatchObject({ last: { ok: false, file: missing }, lastSuccess: null });
    } finally {
      await core.close();
    }
  });
});
