import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreCorrupt, StoreKeyMissing, StoreKeyRejected, StoreTooNew } from '../../main/core/store/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/core/store/migrations';
import { openDatabase } from '../../main/core/store/open-database';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { DeviceSecretMissing } from '../../main/core/vault/errors';
import { addTestAccount, openCore, realKeychain } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { allFiles, fingerprint } from '../support/files';
import { tempDir } from '../support/temp-dir';
import { withRawDb } from '../support/raw-db';
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
    const error = await openCore(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreKeyRejected);
    expect((error as Error).message).toContain('The file was left exactly as it was.');
    expect(fingerprint(dataDir)).toEqual(before);
    writeFileSync(file, own);
    const core = await openCore(dataDir);
    await core.close();
  });

  it('after a crash that left a -wal, refuses a wrong key saying exactly what it touched: the database and the -wal are as they were', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const crashed = path.join(tempDir(), 'crashed');
    const core = await openCore(dataDir);
    const account = addTestAccount(core);
    const order = core.orders.createDraft(
      { accountId: account.id, clientReference: 'gd-test-wal', currency: 'AUD', lines: [{ sku: 'TESTSKU', faceValueCents: 2500, quantity: 200 }] },
      Date.now(),
    );
    core.cards.insertMany(order.id, fakeCards(200), Date.now());
    // What a power cut leaves: the files as they are on disk while the store is open, the new cards still in the -wal.
    mkdirSync(crashed);
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'store.json']) copyFileSync(path.join(dataDir, name), path.join(crashed, name));
    await core.close();
    expect(statSync(path.join(crashed, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);

    // A key that is not this database's (the vault unwraps the right one, so the store layer is asked directly).
    const openWith = (key: string) => openDatabase({ file: path.join(crashed, DATABASE_FILE), key, create: false, migrations: MIGRATIONS });
    const before = fingerprint(crashed);
    const error = (() => {
      try {
        openWith('ab'.repeat(32)).close();
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreKeyRejected);
    expect((error as Error).message).toContain('The database and its write-ahead log (-wal) were left exactly as they were; only SQLite’s index of that log (-shm)');
    const after = fingerprint(crashed);
    expect(after[DATABASE_FILE]).toBe(before[DATABASE_FILE]);
    expect(after[`${DATABASE_FILE}-wal`]).toBe(before[`${DATABASE_FILE}-wal`]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());

    const reopened = openWith(databaseKeyOf(dataDir));
    try {
      expect(reopened.prepare<[number], { n: number }>('SELECT count(*) AS n FROM cards WHERE order_id = ?').get(order.id)!.n).toBe(200);
    } finally {
      reopened.close();
    }
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

  it.each([1, 41])('refuses a database from a newer app (%i versions ahead), naming both versions, and leaves it as it is', async (ahead) => {
    const { dataDir } = await storeWithCards(10);
    const file = path.join(dataDir, DATABASE_FILE);
    const key = databaseKeyOf(dataDir);
    const raw = new Database(file);
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key}'"`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + ahead}`);
    raw.close();
    const before = fingerprint(dataDir);
    const error = await openCore(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreTooNew);
    expect((error as Error).message).toContain(`has schema version ${LATEST_SCHEMA_VERSION + ahead}, but this Giftdesk only knows up to version ${LATEST_SCHEMA_VERSION}.`);
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('opens a database at exactly its own schema version', async () => {
    const { dataDir, orderId } = await storeWithCards(10);
    const core = await openCore(dataDir);
    try {
      expect(withRawDb(dataDir, (db) => db.pragma('user_version', { simple: true }))).toBe(LATEST_SCHEMA_VERSION);
      expect(core.cards.count(orderId)).toBe(10);
    } finally {
      await core.close();
    }
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
