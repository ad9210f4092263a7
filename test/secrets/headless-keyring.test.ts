import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, jsonLines, testCliCommand, type CliResult } from '../support/cli';
import { TEST_PASSCODE } from '../support/core';
import { tempDir } from '../support/temp-dir';

// The CLI on a Linux machine with no desktop session, through the script the README documents: a gnome-keyring that
// keeps its files in a lasting folder, unlocked from a passphrase in a file, reused by every command after the first.

const root = path.resolve(import.meta.dirname, '../..');
// Made here rather than with tempDir, which removes a folder when its test ends: the daemons are stopped first.
const keyrings: string[] = [];
afterAll(async () => {
  for (const dir of keyrings) {
    await script(dir, ['stop']);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

function passphraseFile(text: string): string {
  const file = path.join(tempDir(), 'keyring-passphrase');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

function newKeyring(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'giftdesk-keyring-')), 'keyring');
  keyrings.push(dir);
  return dir;
}

function script(keyring: string, args: string[], stdin = ''): Promise<CliResult> {
  const child = spawn('bash', ['scripts/headless-keyring.sh', '--dir', keyring, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(stdin);
  return collect(child);
}

/**
 * One CLI command through the script (the CLI with the tests' small Argon2id cost); its stdin is the store's passcode,
 * then the command's own (an API key, say) — never the keyring's passphrase, which comes from a file.
 */
function cli(keyring: string, passphrase: string | null, dataDir: string, args: string[], stdin = '', passcode: string | null = TEST_PASSCODE): Promise<CliResult> {
  const through = passphrase ? ['--passphrase-file', passphrase] : [];
  const input = passcode === null ? stdin : `${passcode}\n${stdin}`;
  return script(keyring, [...through, '--', ...testCliCommand(), '--data-dir', dataDir, ...args], input);
}

/** Every file of the data folder with its size and modification time. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const s = statSync(file);
      return `${path.relative(dir, file)} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

describe('scripts/headless-keyring.sh', () => {
  // Eight CLI processes one after another, and a sandbox order followed to the end: slow on a busy machine.
  it('lets one command read what the command before it wrote, in the same data folder, also after a restart', { timeout: 240_000 }, async () => {
    const keyring = newKeyring();
    const passphrase = passphraseFile('tulip anchor marble seventeen');
    const dataDir = tempDir();

    const placed = await cli(keyring, passphrase, dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '3']);
    expect(placed.code, placed.stderr).toBe(0);
    const summary = jsonLines<{ order: number; state: string; cards: number }>(placed.stdout).at(-1)!;
    expect(summary).toMatchObject({ state: 'complete', cards: 3 });

    // The second command finds the keyring running and unlocked: no passphrase needed, and stdin is its own.
    const listed = await cli(keyring, null, dataDir, ['cards', String(summary.order)]);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = listed.stdout.trim().split('\n');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/^•+\d{4}\t•+\t5\.00\t\d{1,2} [A-Z][a-z]{2} \d{4}$/);

    const added = await cli(keyring, null, dataDir, ['account', 'add', '--name', 'Shop Wpay', '--provider', 'wpay', '--base-url', 'http://127.0.0.1:9'], 'wpay-partner-key-ending-7Q2X\n');
    expect(added.code, added.stderr).toBe(0);

    // Stopped (a reboot, say), then unlocked again from the passphrase on the script's own stdin.
    expect((await script(keyring, ['stop'])).code).toBe(0);
    expect((await script(keyring, ['status'])).code).toBe(1);
    const started = await script(keyring, ['start'], readFileSync(passphrase, 'utf8'));
    expect(started.code, started.stderr).toBe(0);
    const accounts = await cli(keyring, null, dataDir, ['account', 'list']);
    expect(accounts.code, accounts.stderr).toBe(0);
    expect(accounts.stdout).toMatch(/^Shop Wpay\twpay\thttp:\/\/127\.0\.0\.1:9\tAUD\tstored, ends 7Q2X$/m);
    expect(accounts.stdout).not.toContain('wpay-partner-key');
    expect((await cli(keyring, null, dataDir, ['cards', String(summary.order)])).stdout.trim().split('\n')).toHaveLength(3);

    // The keyring's files are in the lasting folder, readable by their owner only.
    const file = path.join(keyring, 'data', 'keyrings', 'login.keyring');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file).toString('latin1')).not.toContain('7Q2X');
  });

  it('refuses a wrong passphrase, and changes nothing', async () => {
    const keyring = newKeyring();
    const dataDir = tempDir();
    expect((await cli(keyring, passphraseFile('tulip anchor marble seventeen'), dataDir, ['account', 'list'])).code).toBe(0);
    await script(keyring, ['stop']);
    const keyringBefore = fingerprint(keyring + '/data');
    const dataBefore = fingerprint(dataDir);

    const r = await cli(keyring, passphraseFile('tulip anchor marble eighteen'), dataDir, ['account', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the passphrase does not unlock the keyring in .*; nothing was changed/);
    expect(r.stdout).toBe('');
    expect((await script(keyring, ['status'])).code).toBe(1);
    expect(fingerprint(keyring + '/data')).toEqual(keyringBefore);
    expect(fingerprint(dataDir)).toEqual(dataBefore);
  });

  it('with another keyring, a store whose device secret is not there is left alone, and the message says the recovery key opens it', async () => {
    const dataDir = tempDir();
    const first = await cli(newKeyring(), passphraseFile('tulip anchor marble seventeen'), dataDir, ['account', 'list']);
    expect(first.code, first.stderr).toBe(0);
    const recoveryKey = /shown only this once: (\S+)/.exec(first.stderr)![1]!;
    const before = fingerprint(dataDir);

    // The passcode alone, on a keyring without the device secret: refused, in words, and not tried as a recovery key.
    const r = await cli(newKeyring(), passphraseFile('a different keyring altogether'), dataDir, ['orders']);
    expect(r.code).toBe(1);
    const message = r.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^The card store [0-9a-f-]+ cannot be opened with its passcode/);
    expect(message).toMatch(/holds no device secret for it \(Giftdesk \/ store:[0-9a-f-]+:device-secret:[0-9a-f-]+\)/);
    expect(message).toContain('recovery key');
    expect(message).toContain('left exactly as it was');
    expect(message).toContain('will not replace it with a new one');
    expect(message).toContain('scripts/headless-keyring.sh');
    // Nothing that would lead a person to start over and lose the cards.
    expect(message).not.toMatch(/another data folder|other data folder|remove store\.json|start (an )?empty|create a new/i);
    expect(fingerprint(dataDir)).toEqual(before);

    // The recovery key on the first line instead opens it there, and a new passcode on the next makes it this keyring's.
    const keyring = newKeyring();
    const recovered = await script(
      keyring,
      ['--passphrase-file', passphraseFile('a different keyring altogether'), '--', process.execPath, '--import', 'tsx', 'main/cli/index.ts', '--data-dir', dataDir, 'account', 'list'],
      `${recoveryKey}\n${TEST_PASSCODE}\n`,
    );
    expect(recovered.code, recovered.stderr).toBe(0);
    expect((await cli(keyring, null, dataDir, ['account', 'list'])).code).toBe(0);
  });
});

describe('scripts/with-keyring.sh (the tests’ throwaway keyring)', () => {
  // A fresh wrapper, as a person would start it: not inside this run's own keyring session and its data folder.
  const wrapper = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const { GIFTDESK_DATA_DIR: _ours, ...outside } = process.env;
    const child = spawn('bash', ['scripts/with-keyring.sh', ...args], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...outside, GIFTDESK_IN_KEYRING_SESSION: '', ...env },
    });
    // The command's stdin, as a person would pipe it: the new store's first passcode. A wrapper that refuses before
    // reading it closes the pipe (EPIPE): that refusal is what the tests look at, so the write error is not one.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
    child.stdin.end(`${TEST_PASSCODE}\n`);
    return collect(child);
  };

  it('refuses a data folder it did not create, given by --data-dir or GIFTDESK_DATA_DIR, before running anything', async () => {
    const dataDir = tempDir();
    for (const [args, env] of [
      [[process.execPath, '--import', 'tsx', 'main/cli/index.ts', '--data-dir', dataDir, 'account', 'list'], {}],
      [[process.execPath, '--import', 'tsx', 'main/cli/index.ts', `--data-dir=${dataDir}`, 'account', 'list'], {}],
      [[process.execPath, '--import', 'tsx', 'main/cli/index.ts', 'account', 'list'], { GIFTDESK_DATA_DIR: dataDir }],
    ] as const) {
      const r = await wrapper([...args], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^with-keyring\.sh: refusing the data folder given .*thrown away.*scripts\/headless-keyring\.sh/);
      expect(r.stdout).toBe('');
      expect(readdirSync(dataDir)).toEqual([]);
    }
  });

  it('gives a command that names no data folder a throwaway one of its own, gone with the keyring', async () => {
    const command = `printf '%s\\n' '${TEST_PASSCODE}' | ${testCliCommand().join(' ')} account list >/dev/null && printf "%s" "$GIFTDESK_DATA_DIR"`;
    const r = await wrapper(['bash', '-c', command]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/giftdesk-data$/);
    expect(existsSync(r.stdout)).toBe(false);
  });
});
