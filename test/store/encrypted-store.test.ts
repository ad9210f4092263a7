import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreCorrupt, StoreKeyMissing, StoreKeyRejected, StoreTooNew } from '../../main/core/store/errors';
import { LATEST_SCHEMA_VERSION } from '../../main/core/store/migrations';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { DeviceSecretMissing } from '../../main/core/vault/errors';
import { addTestAccount, openCore, realKeychain } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { allFiles, fingerprint } from '../support/files';
import { tempDir } from '../support/temp-dir';
import { databaseKeyOf, deviceSecretEntry } from '../support/vault';

const API_KEY = 'wpay-live-7f3c9a2e51b84d06a9e2c4f1d8b7a3e6';

async function storeWithCards(n: number) {
  const dataDir = path.join(tempDir(), 'data');
  const core = await openCore(dataDir);
  const account = addTestAccount(core);
  await core.secrets.setApiKey(account.id, API_KEY);
  const order = core.orders.createDraft(
    { accountId: account.id, clientReference: 'gd-test-0001', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: n }] },
    Date.now(),
  );
  const cards = fakeCards(n);
  core.cards.insertMany(order.id, cards, Date.now());
  const stored = core.cards.list(order.id);
  await core.close();
  return { dataDir, orderId: order.id, cards, stored, accountId: account.id };
}

describe('encrypted card store', () => {
  it('leaves no card number, PIN or API key readable in any file of the data folder', async () => {
    const { dataDir, cards } = await storeWithCards(1000);
    const files = allFiles(dataDir);
    expect(files.map((f) => path.basename(f.file))).toContain(DATABASE_FILE);
    const needles = [API_KEY, ...cards.flatMap((c) => [c.number!, c.pin!])].map((s) => Buffer.from(s, 'utf8'));
    for (const { file, bytes } of files) {
      const leaked = needles.filter((needle) => bytes.includes(needle));
      expect(leaked.length, `${file} contains ${leaked.length} secrets`).toBe(0);
    }
  });

  it('reads every card back equal after reopening, and keeps the API key in the keychain only', async () => {
    const { dataDir, orderId, cards, stored, accountId } = await storeWithCards(1000);
    const core = await openCore(dataDir);
    try {
      const reread = core.cards.list(orderId);
      expect(reread).toEqual(stored);
      expect(reread.map((c) => [c.number, c.pin, c.barcode, c.url, c.amountCents])).toEqual(
        cards.map((c) => [c.number, c.pin, c.barcode, c.url, c.amountCents]),
      );
      expect(await core.secrets.apiKey(accountId)).toBe(API_KEY);
    } finally {
      await core.close();
    }
  });

  it('refuses a database that is not the one its key was wrapped for, with StoreKeyRejected, and leaves it untouched', async () => {
    const { dataDir } = await storeWithCards(50);
    const other = await storeWithCards(5);
    const file = path.join(dataDir, DATABASE_FILE);
    const own = readFileSync(file);
    copyFileSync(path.join(other.dataDir, DATABASE_FILE), file);
    const before = fingerprint(dataDir);
    await expect(openCore(dataDir)).rejects.toBeInstanceOf(StoreKeyRejected);
    expect(fingerprint(dataDir)).toEqual(before);
    writeFileSync(file, own);
    const core = await openCore(dataDir);
    await core.close();
  });

  it.each([
    ['to half its length', (size: number) => Math.floor(size / 2 / 4096) * 4096],
    ['by a few bytes', (size: number) => size - 7],
    ['to less than a page', () => 100],
  ])('refuses a file truncated %s with a typed error and leaves it as it is', async (_, newSize) => {
    const { dataDir } = await storeWithCards(1000);
    const file = path.join(dataDir, DATABASE_FILE);
    truncateSync(file, newSize(statSync(file).size));
    const before = fingerprint(dataDir);
    const error = await openCore(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorrupt);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('refuses a database from a newer app, naming both versions, and leaves it as it is', async () => {
    const { dataDir } = await storeWithCards(10);
    const file = path.join(dataDir, DATABASE_FILE);
    const key = databaseKeyOf(dataDir);
    const raw = new Database(file);
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key}'"`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 41}`);
    raw.close();
    const before = fingerprint(dataDir);
    const error = await openCore(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreTooNew);
    expect((error as Error).message).toContain(`version ${LATEST_SCHEMA_VERSION + 41}`);
    expect((error as Error).message).toContain(`version ${LATEST_SCHEMA_VERSION}`);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('will not create a new store over a database whose device secret has gone from the keychain', async () => {
    const { dataDir } = await storeWithCards(10);
    await realKeychain.delete(deviceSecretEntry(dataDir));
    const before = fingerprint(dataDir);
    await expect(openCore(dataDir)).rejects.toBeInstanceOf(DeviceSecretMissing);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('says a malformed keychain entry is malformed, not missing, and leaves both as they are', async () => {
    const { dataDir } = await storeWithCards(10);
    const keyName = deviceSecretEntry(dataDir);
    const rightKey = await realKeychain.get(keyName);
    await realKeychain.set(keyName, 'not a key at all');
    const before = fingerprint(dataDir);
    const error = await openCore(dataDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'device-secret-malformed', message: expect.stringMatching(/malformed/) });
    expect((error as Error).message).not.toMatch(/holds no/);
    expect(await realKeychain.get(keyName)).toBe('not a key at all');
    expect(fingerprint(dataDir)).toEqual(before);
    await realKeychain.set(keyName, rightKey!);
  });

  it('will not adopt a database that came without its store.json', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DATABASE_FILE), Buffer.alloc(4096, 7));
    const before = fingerprint(dataDir);
    await expect(openCore(dataDir)).rejects.toBeInstanceOf(StoreKeyMissing);
    expect(fingerprint(dataDir)).toEqual(before);
    expect(existsSync(path.join(dataDir, 'store.json'))).toBe(false);
  });
});
