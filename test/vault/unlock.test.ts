import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretNames } from '../../main/core/secrets/keychain';
import { StoreKeyRejected } from '../../main/core/store/errors';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { openDatabase } from '../../main/core/store/open-database';
import { createPrivateFile, ensurePrivateDir } from '../../main/core/store/private-files';
import { writeStoreIdentity } from '../../main/core/store/store-identity';
import { DeviceSecretMissing, PasscodeTooWeak, PasscodeWait, PasscodeWrong, RecoveryKeyWrong, UnlockCancelled } from '../../main/core/vault/errors';
import type { UnlockRequest } from '../../main/core/vault/unlock-prompt';
import { addTestAccount, openCore, realKeychain, shownRecoveryKeys, TEST_PASSCODE, testUnlock } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { fingerprint } from '../support/files';
import { manualClock } from '../support/manual-clock';
import { tempDir } from '../support/temp-dir';
import { databaseKeyOf, deviceSecretEntry, recoveryKeyOf, vaultOf } from '../support/vault';

const WRONG = 'Marble-Canyon-Violet-2231-Oboe';

/** The database files only: store.json may count a wrong passcode, the database must not change by a byte. */
function databaseFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fingerprint(dataDir)).filter(([name]) => name.startsWith(DATABASE_FILE)));
}

async function storeWithCards(n = 20): Promise<{ dataDir: string; orderId: number }> {
  const dataDir = path.join(tempDir(), 'data');
  const core = await openCore(dataDir);
  const account = addTestAccount(core);
  const order = core.orders.createDraft(
    { accountId: account.id, clientReference: 'gd-vault-0001', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: n }] },
    Date.now(),
  );
  core.cards.insertMany(order.id, fakeCards(n), Date.now());
  await core.close();
  return { dataDir, orderId: order.id };
}

const answering = (passcode: string) => testUnlock((r) => (r.error ? null : { passcode }));

describe('the vault at first use', () => {
  it('asks for a passcode, keeps only the device secret in the keychain and the key wrapped twice in store.json', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const prompt = testUnlock();
    const core = await openCore(dataDir, { unlock: prompt });
    await core.close();
    expect(prompt.asked).toEqual([{ need: 'new-passcode', storeId: core.storeId, reason: 'new-store', error: undefined }]);
    const { vault } = vaultOf(dataDir);
    expect(Object.keys(vault).sort()).toEqual(['passcode', 'recovery', 'version']);
    expect(vault.passcode.kdf.algorithm).toBe('argon2id');
    expect(await realKeychain.get(deviceSecretEntry(dataDir))).toMatch(/^[0-9a-f]{64}$/);
    expect(await realKeychain.get(secretNames.databaseKey(core.storeId))).toBeNull();
    expect(recoveryKeyOf(dataDir)).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const json = readFileSync(path.join(dataDir, 'store.json'), 'utf8');
    expect(json).not.toContain(databaseKeyOf(dataDir));
  });

  it('refuses a weak passcode with a sentence that says why, and takes a strong one next', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const tries = ['password12345678', TEST_PASSCODE];
    const prompt = testUnlock(() => ({ passcode: tries.shift()! }));
    const core = await openCore(dataDir, { unlock: prompt });
    await core.close();
    const refused = prompt.asked[1] as Extract<UnlockRequest, { need: 'new-passcode' }>;
    expect(refused.error).toBeInstanceOf(PasscodeTooWeak);
    expect(refused.error!.message).toMatch(/^That passcode is too easy to guess \(.+\)\. .*similar to a commonly used password/);
    expect(refused.error!.field).toBe('passcode');
  });

  it('keeps nothing when the person gives no passcode', async () => {
    const parent = tempDir();
    await expect(openCore(path.join(parent, 'data'), { unlock: testUnlock(() => null) })).rejects.toBeInstanceOf(UnlockCancelled);
    expect(fingerprint(parent)).toEqual({});
  });
});

describe('opening refuses with a typed error and leaves the database byte for byte as it was', () => {
  it('when the keychain entry is intact but the passcode is wrong', async () => {
    const { dataDir } = await storeWithCards();
    const before = databaseFiles(dataDir);
    const error = await openCore(dataDir, { unlock: answering(WRONG) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasscodeWrong);
    expect((error as PasscodeWrong).field).toBe('passcode');
    expect(databaseFiles(dataDir)).toEqual(before);
  });

  it('when the passcode is right but the device secret is missing', async () => {
    const { dataDir } = await storeWithCards();
    await realKeychain.delete(deviceSecretEntry(dataDir));
    const before = fingerprint(dataDir);
    const prompt = answering(TEST_PASSCODE);
    await expect(openCore(dataDir, { unlock: prompt })).rejects.toBeInstanceOf(DeviceSecretMissing);
    expect(prompt.asked.map((r) => r.need)).toEqual(['recovery-key']);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('when the recovery key is wrong', async () => {
    const { dataDir } = await storeWithCards();
    await realKeychain.delete(deviceSecretEntry(dataDir));
    const before = fingerprint(dataDir);
    const wrong = recoveryKeyOf(dataDir).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const prompt = testUnlock((r) => (r.error instanceof RecoveryKeyWrong ? null : { recoveryKey: wrong }));
    const error = await openCore(dataDir, { unlock: prompt }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryKeyWrong);
    expect((error as RecoveryKeyWrong).field).toBe('recovery-key');
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('the device secret alone is not the database key', async () => {
    const { dataDir } = await storeWithCards();
    const deviceSecret = (await realKeychain.get(deviceSecretEntry(dataDir)))!;
    expect(() => openDatabase({ file: path.join(dataDir, DATABASE_FILE), key: deviceSecret, create: false, migrations: MIGRATIONS })).toThrow(StoreKeyRejected);
  });
});

describe('wrong passcodes', () => {
  it('wait 1 s, 2 s, 4 s … up to 60 s, refuse a try inside the wait unchecked, and count across new cores', async () => {
    const { dataDir } = await storeWithCards();
    const clock = manualClock();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const error = await openCore(dataDir, { unlock: answering(WRONG), clock }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PasscodeWrong);
      waits.push((error as PasscodeWrong).waitSeconds);
      expect((error as PasscodeWrong).failedAttempts).toBe(i + 1);
      // Too soon, even with the right passcode: refused without being checked or counted.
      clock.advance((error as PasscodeWrong).waitSeconds * 1000 - 1);
      const early = await openCore(dataDir, { unlock: answering(TEST_PASSCODE), clock }).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(PasscodeWait);
      expect((early as PasscodeWait).message).toContain('try again in 1 s');
      clock.advance(1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(vaultOf(dataDir).vault.failures?.count).toBe(8);

    const core = await openCore(dataDir, { unlock: answering(TEST_PASSCODE), clock });
    try {
      const entry = core.audit.list().find((e) => e.action === 'vault.passcode-failures');
      expect(entry?.details).toMatchObject({ count: 8 });
      expect(vaultOf(dataDir).vault.failures).toBeUndefined();
    } finally {
      await core.close();
    }
  });

  it('verifyPasscode on the open store checks by unwrapping, with the same wait, and audits the failures', async () => {
    const { dataDir } = await storeWithCards();
    const clock = manualClock();
    const core = await openCore(dataDir, { clock });
    try {
      await expect(core.vault.verifyPasscode(WRONG)).rejects.toBeInstanceOf(PasscodeWrong);
      await expect(core.vault.verifyPasscode(TEST_PASSCODE)).rejects.toBeInstanceOf(PasscodeWait);
      expect(core.vault.status()).toMatchObject({ failedAttempts: 1, nextAttemptAt: clock.now() + 1000 });
      clock.advance(1000);
      await expect(core.vault.verifyPasscode(WRONG)).rejects.toMatchObject({ waitSeconds: 2 });
      clock.advance(2000);
      await core.vault.verifyPasscode(TEST_PASSCODE);
      expect(core.vault.status()).toMatchObject({ failedAttempts: 0, nextAttemptAt: null });
      expect(core.audit.list().find((e) => e.action === 'vault.passcode-failures')?.details).toMatchObject({ count: 2 });
      // The store stayed open throughout.
      expect(core.orders.list().length).toBe(1);
    } finally {
      await core.close();
    }
  });
});

describe('the recovery key', () => {
  it('alone opens the store when the device secret is gone, then a new passcode and a new device secret replace the old', async () => {
    const { dataDir, orderId } = await storeWithCards(30);
    const oldEntry = deviceSecretEntry(dataDir);
    await realKeychain.delete(oldEntry);
    const recoveryKey = recoveryKeyOf(dataDir).toLowerCase().replace(/-/g, ' ');
    const NEW = 'Lantern-Orchid-Pebble-4410-Sloop';
    const prompt = testUnlock((r) => (r.error ? null : r.need === 'recovery-key' ? { recoveryKey } : { passcode: NEW }));
    const core = await openCore(dataDir, { unlock: prompt });
    expect(core.cards.list(orderId)).toHaveLength(30);
    await core.close();
    expect(prompt.asked.map((r) => [r.need, 'reason' in r ? r.reason : null])).toEqual([
      ['recovery-key', 'device-secret-missing'],
      ['new-passcode', 'recovered'],
    ]);
    expect(deviceSecretEntry(dataDir)).not.toBe(oldEntry);
    await expect(openCore(dataDir, { unlock: answering(TEST_PASSCODE) })).rejects.toBeInstanceOf(PasscodeWrong);
    const again = await openCore(dataDir, { unlock: answering(NEW), clock: manualClock(Date.now() + 5000) });
    await again.close();
  });
});

describe('a store from before the vault', () => {
  async function legacyStore() {
    const dataDir = path.join(tempDir(), 'data');
    const storeId = randomUUID();
    const key = randomBytes(32).toString('hex');
    await realKeychain.set(secretNames.databaseKey(storeId), key);
    ensurePrivateDir(dataDir);
    writeStoreIdentity(dataDir, { storeId, createdAt: Date.now() });
    const file = path.join(dataDir, DATABASE_FILE);
    createPrivateFile(file);
    const db = openDatabase({ file, key, create: true, migrations: MIGRATIONS });
    db.prepare(`INSERT INTO events (at, actor, action, subject) VALUES (1, 'user', 'legacy.marker', 'app')`).run();
    db.close();
    return { dataDir, storeId, key };
  }

  it('gets a passcode and a recovery key at its first open, and loses its plain keychain entry only after', async () => {
    const { dataDir, storeId, key } = await legacyStore();
    const prompt = testUnlock();
    const core = await openCore(dataDir, { unlock: prompt });
    try {
      expect(prompt.asked).toEqual([{ need: 'new-passcode', storeId, reason: 'upgrade', error: undefined }]);
      expect(core.audit.list().some((e) => e.recorded === 'legacy.marker')).toBe(true);
    } finally {
      await core.close();
    }
    expect(await realKeychain.get(secretNames.databaseKey(storeId))).toBeNull();
    expect(shownRecoveryKeys.get(storeId)).toBeDefined();
    expect(databaseKeyOf(dataDir)).toBe(key);
    const again = await openCore(dataDir);
    await again.close();
  });

  it('keeps its plain entry and store.json as they were when no passcode is given', async () => {
    const { dataDir, storeId, key } = await legacyStore();
    const before = readFileSync(path.join(dataDir, 'store.json'));
    await expect(openCore(dataDir, { unlock: testUnlock(() => null) })).rejects.toBeInstanceOf(UnlockCancelled);
    expect(await realKeychain.get(secretNames.databaseKey(storeId))).toBe(key);
    expect(readFileSync(path.join(dataDir, 'store.json'))).toEqual(before);
  });
});
