import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { PASSCODE_KDF } from '../../main/core/vault/passcode-kdf';
import { realKeychain, TEST_PASSCODE, testUnlock } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { vaultOf } from '../support/vault';

// The one place the real Argon2id cost is used: createCore without a cost makes and opens a store with it.
// How long it takes is for `npm run bench` (vault.unlockSeconds), not for a test.

describe('the real passcode cost', () => {
  it('is Argon2id with at least 64 MiB, set by the composition root and stored beside the copy', async () => {
    expect(PASSCODE_KDF.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(PASSCODE_KDF.iterations).toBeGreaterThanOrEqual(1);
    const dataDir = path.join(tempDir(), 'data');
    const core = await createCore({ dataDir, keychain: realKeychain, unlock: testUnlock(), sandbox: false });
    await core.close();
    const { kdf } = vaultOf(dataDir).vault.passcode;
    expect(kdf).toMatchObject({ algorithm: 'argon2id', ...PASSCODE_KDF });
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(16);
    expect(core.vault.status().kdf).toEqual({ algorithm: 'argon2id', ...PASSCODE_KDF });

    const prompt = testUnlock((r) => (r.error ? null : { passcode: TEST_PASSCODE }));
    const again = await createCore({ dataDir, keychain: realKeychain, unlock: prompt, sandbox: false });
    await again.close();
    expect(prompt.asked.map((r) => r.need)).toEqual(['passcode']);
  });
});
