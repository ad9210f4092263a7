import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/cli';
import { tempDir } from '../support/temp-dir';
import { vaultOf } from '../support/vault';

// The CLI's side of the vault as far as this step wires it: the passcode is the first line of standard input.

describe('the CLI and the passcode', () => {
  it('sets the passcode on a new data folder, prints the recovery key once on stderr, and answers a wrong one with exit 2', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await runCli(dataDir, ['orders']);
    expect(first.code, first.stderr).toBe(0);
    const shown = /shown only this once: ((?:[0-9A-Z]{4}-){7}[0-9A-Z]{4})/.exec(first.stderr);
    expect(shown).not.toBeNull();
    expect(first.stdout).not.toContain(shown![1]);

    const again = await runCli(dataDir, ['orders']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain(shown![1]);

    const wrong = await runCli(dataDir, ['orders'], '', 'Marble-Canyon-Violet-2231-Oboe');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^passcode: That passcode is wrong \(1 failed attempt in a row\)\. Wait 1 s/);
    expect(vaultOf(dataDir).vault.failures?.count).toBe(1);

    const none = await runCli(dataDir, ['orders'], '', null);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^passcode: /);
  });

  it('takes the passcode first and the API key from the next line of stdin', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const added = await runCli(dataDir, ['account', 'add', '--name', 'Live', '--provider', 'wpay'], 'wpay-key-from-line-two-000012345\n');
    expect(added.code, added.stderr).toBe(0);
    const listed = jsonLines<{ name: string; apiKey: string | null }>((await runCli(dataDir, ['--json', 'account', 'list'])).stdout);
    expect(listed.find((a) => a.name === 'Live')?.apiKey).toBe('stored, ends 2345');
  });
});
