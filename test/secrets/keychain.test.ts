import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../main/core/secrets/keytar-keychain';
import { secretNames } from '../../main/core/secrets/keychain';
import { readStoreIdentity } from '../../main/core/store/store-identity';
import { addTestAccount, openCore, realKeychain } from '../support/core';
import { allFiles } from '../support/files';
import { tempDir } from '../support/temp-dir';
import { databaseKeyOf, deviceSecretEntry } from '../support/vault';
import { scriptCommand } from '../support/test-bundle';

/** Asks the Secret Service directly, through libsecret's own command-line tool rather than keytar. */
function secretTool(account: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', KEYCHAIN_SERVICE, 'account', account], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

function runChild(dataDir: string, env: NodeJS.ProcessEnv) {
  const [node, ...script] = scriptCommand('test/support/open-core-child.ts');
  const out = execFileSync(node!, [...script, dataDir], { env, encoding: 'utf8' });
  return JSON.parse(out) as { ok: boolean; kind?: string; message?: string };
}

describe('OS keychain', () => {
  it('keeps the device secret and API keys in the real Secret Service, readable by libsecret, and never the database key', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const core = await openCore(dataDir);
    const account = addTestAccount(core);
    await core.secrets.setApiKey(account.id, 'key-from-the-keychain-test-0042');
    await core.close();
    const storeId = readStoreIdentity(dataDir)!.storeId;
    const deviceSecret = secretTool(deviceSecretEntry(dataDir));
    expect(deviceSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceSecret).not.toBe(databaseKeyOf(dataDir));
    expect(secretTool(secretNames.databaseKey(storeId))).toBeNull();
    expect(secretTool(secretNames.apiKey(account.id))).toBe('key-from-the-keychain-test-0042');
    expect(await realKeychain.get(secretNames.apiKey(account.id))).toBe('key-from-the-keychain-test-0042');
  });

  it('describes a stored key by its last four characters only', async () => {
    const core = await openCore(path.join(tempDir(), 'data'));
    try {
      const account = addTestAccount(core);
      expect(await core.secrets.describe(account.id)).toEqual({ hasApiKey: false, apiKeyLast4: null, hasCertificatePassphrase: false });
      await core.secrets.setApiKey(account.id, 'abcdefghijklmnop-9876');
      expect(await core.secrets.describe(account.id)).toEqual({ hasApiKey: true, apiKeyLast4: '9876', hasCertificatePassphrase: false });
    } finally {
      await core.close();
    }
  });

  it('says KeychainUnavailable when no Secret Service runs, and writes nothing', () => {
    const parent = tempDir();
    const dataDir = path.join(parent, 'data');
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(parent, 'no-bus')}`, DISPLAY: '' };
    const result = runChild(dataDir, env);
    expect(result).toMatchObject({ ok: false, kind: 'keychain-unavailable' });
    expect(result.message).toMatch(/Secret Service/);
    expect(existsSync(dataDir)).toBe(false);
    expect(allFiles(parent)).toEqual([]);
  });

  it('opens the same store from another process through the keychain', () => {
    const dataDir = path.join(tempDir(), 'data');
    expect(runChild(dataDir, process.env)).toEqual({ ok: true });
    expect(runChild(dataDir, process.env)).toEqual({ ok: true });
  });
});
