import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PasscodeTooWeak, PasscodeWrong, RecoveryKeyWrong } from '../../main/core/vault/errors';
import { openCore, realKeychain, TEST_PASSCODE, testUnlock } from '../support/core';
import { manualClock } from '../support/manual-clock';
import { tempDir } from '../support/temp-dir';
import { deviceSecretEntry, recoveryKeyOf } from '../support/vault';

const NEW_PASSCODE = 'Copper-Meadow-Falcon-5523-Drum';

/** Opens with the recovery key alone, as on a computer that lost its device secret. */
async function openWithRecoveryKey(dataDir: string, recoveryKey: string) {
  await realKeychain.delete(deviceSecretEntry(dataDir)).catch(() => false);
  const prompt = testUnlock((r) => (r.error ? null : r.need === 'recovery-key' ? { recoveryKey } : { passcode: TEST_PASSCODE }));
  const core = await openCore(dataDir, { unlock: prompt });
  await core.close();
}

describe('recovery kit and key rotation', () => {
  it('prints a kit that holds the store id, the date and the new key; the old key stops opening the store', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const clock = manualClock(Date.UTC(2026, 2, 14, 16, 45));
    const core = await openCore(dataDir, { clock });
    const oldKey = recoveryKeyOf(dataDir);
    const pdf = path.join(dir, 'recovery-kit.pdf');
    const { recoveryKey } = await core.vault.makeRecoveryKit(pdf);
    await core.close();

    expect(statSync(pdf).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Store: ${core.storeId}`);
    expect(text).toContain('Made: 2026-03-14 at 16:45 UTC');
    expect(text.replace(/\s+/g, ' ')).toContain(recoveryKey.split('-').slice(0, 4).join(' '));
    expect(text.replace(/\s+/g, ' ')).toContain(recoveryKey.split('-').slice(4).join(' '));
    expect(text).toMatch(/Keep it offline|keep it offline/);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    mkdirSync('test-results/screens', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, 'test-results/screens/recovery-kit']);

    await expect(openWithRecoveryKey(dataDir, oldKey)).rejects.toBeInstanceOf(RecoveryKeyWrong);
    await openWithRecoveryKey(dataDir, recoveryKey);
  });

  it('newRecoveryKey replaces the copy: the old key is refused, the new one opens', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const core = await openCore(dataDir);
    const oldKey = recoveryKeyOf(dataDir);
    const newKey = await core.vault.newRecoveryKey();
    await core.close();
    expect(newKey).not.toBe(oldKey);
    await expect(openWithRecoveryKey(dataDir, oldKey)).rejects.toBeInstanceOf(RecoveryKeyWrong);
    await openWithRecoveryKey(dataDir, newKey);
  });

  it('changePasscode checks the old one and judges the new one; afterwards only the new one opens', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const clock = manualClock();
    const core = await openCore(dataDir, { clock });
    await expect(core.vault.changePasscode(TEST_PASSCODE, 'password12345678')).rejects.toBeInstanceOf(PasscodeTooWeak);
    await expect(core.vault.changePasscode('Marble-Canyon-Violet-2231-Oboe', NEW_PASSCODE)).rejects.toBeInstanceOf(PasscodeWrong);
    clock.advance(1000);
    await core.vault.changePasscode(TEST_PASSCODE, NEW_PASSCODE);
    await core.close();
    const answering = (passcode: string) => testUnlock((r) => (r.error ? null : { passcode }));
    await expect(openCore(dataDir, { unlock: answering(TEST_PASSCODE), clock })).rejects.toBeInstanceOf(PasscodeWrong);
    clock.advance(60_000);
    const again = await openCore(dataDir, { unlock: answering(NEW_PASSCODE), clock });
    await again.close();
  });
});
