import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, jsonLines, runCli, testCliCommand, type CliResult } from '../support/cli';
import { TEST_PASSCODE } from '../support/core';
import { tempDir } from '../support/temp-dir';

// The vault's CLI commands as a person types them, each its own process, with the secrets on standard input in the
// order issue 16 fixes: the store's passcode first (when it needs one), then the command's own.

const NEW_PASSCODE = 'Copper-Meadow-Falcon-5523-Drum';
/** Each of these runs several CLI processes, some in a keyring session of their own. */
const SLOW = 240_000;
const KEY_SHAPE = /(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}/;

/** The CLI in a private D-Bus session with a new, empty gnome-keyring: another computer, as far as keys go. */
function cliOnFreshKeyring(dataDir: string, args: string[], stdin: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, GIFTDESK_IN_KEYRING_SESSION: '1' };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const command = [...testCliCommand(), '--data-dir', dataDir, ...args];
  const child = spawn('dbus-run-session', ['--', 'bash', 'scripts/with-keyring.sh', 'bash', '-c', `${command.map(quote).join(' ')}; echo "exit=$?" >&2`], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(stdin);
  return collect(child).then((r) => ({ ...r, code: Number(/exit=(\d+)\s*$/.exec(r.stderr)?.[1] ?? -1), stderr: r.stderr.replace(/exit=\d+\s*$/, '') }));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A new store through the CLI (the first command sets the passcode); returns the recovery key it printed once. */
async function newStore(dataDir: string): Promise<string> {
  const first = await runCli(dataDir, ['orders']);
  expect(first.code, first.stderr).toBe(0);
  return KEY_SHAPE.exec(first.stderr)![0];
}

describe('the vault commands of the CLI', () => {
  it('passcode change: stdin holds the old passcode, then the new; afterwards only the new one opens the store', async () => {
    const dataDir = path.join(tempDir(), 'data');
    await newStore(dataDir);

    const weak = await runCli(dataDir, ['passcode', 'change'], 'password\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^passcode: /m);

    const changed = await runCli(dataDir, ['passcode', 'change'], `${NEW_PASSCODE}\n`);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toContain('Passcode changed');
    expect(changed.stderr).not.toContain(NEW_PASSCODE);

    const old = await runCli(dataDir, ['orders']);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/^passcode: That passcode is wrong/);
    // One wrong try makes the next wait a second (the CLI says so and checks nothing sooner).
    await new Promise((r) => setTimeout(r, 1_100));
    const fresh = await runCli(dataDir, ['orders'], '', NEW_PASSCODE);
    expect(fresh.code, fresh.stderr).toBe(0);
  }, SLOW);

  it('backup --out writes a verified copy; restore on a fresh keyring takes the recovery key, then a new passcode', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const recoveryKey = await newStore(dataDir);
    const added = await runCli(dataDir, ['account', 'add', '--name', 'Shop', '--provider', 'wpay'], 'wpay-key-for-the-backup-000099887\n');
    expect(added.code, added.stderr).toBe(0);

    const file = path.join(dir, 'backups', 'giftdesk.gdbackup');
    mkdirSync(path.dirname(file));
    const made = await runCli(dataDir, ['--json', 'backup', '--out', file]);
    expect(made.code, made.stderr).toBe(0);
    const [summary] = jsonLines<{ file: string; withSecrets: boolean; orders: number }>(made.stdout);
    expect(summary).toMatchObject({ file, withSecrets: false });
    expect(existsSync(file)).toBe(true);
    // The file is not overwritten by a second backup without --force.
    const again = await runCli(dataDir, ['backup', '--out', file]);
    expect(again.code).toBe(2);

    // Another computer: an empty keychain and no data folder. The first line is the recovery key, the second the new passcode.
    const target = path.join(dir, 'elsewhere');
    // restore reads no passcode before the recovery key: one sent first is not taken for a key.
    const passcodeFirst = await cliOnFreshKeyring(target, ['restore', file], `${TEST_PASSCODE}\n${NEW_PASSCODE}\n`);
    expect(passcodeFirst.code).toBe(2);
    expect(passcodeFirst.stderr).toMatch(/^recovery-key: /m);
    expect(existsSync(path.join(target, 'giftdesk.db'))).toBe(false);

    const restored = await cliOnFreshKeyring(target, ['--json', 'restore', file], `${recoveryKey}\n${NEW_PASSCODE}\n`);
    expect(restored.code, restored.stderr).toBe(0);
    expect(jsonLines<{ secretsRestored: number }>(restored.stdout)[0]).toMatchObject({ secretsRestored: 0 });
    expect(existsSync(path.join(target, 'giftdesk.db'))).toBe(true);

    // A folder that holds a store is not replaced unless told to; with --replace the old one is renamed aside.
    const refused = await cliOnFreshKeyring(target, ['restore', file], `${recoveryKey}\n${NEW_PASSCODE}\n`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--replace/);
    const replaced = await cliOnFreshKeyring(target, ['restore', file, '--replace'], `${recoveryKey}\n${NEW_PASSCODE}\n`);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/now .*nothing in it was deleted/);
    expect(readdirSync(dir).filter((f) => f.startsWith('elsewhere')).length).toBe(2);
  }, SLOW);

  it('recovery-kit --out makes a new key, writes the kit with the store id, and the old key stops working', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const oldKey = await newStore(dataDir);
    const kit = path.join(dir, 'kit.pdf');
    const made = await runCli(dataDir, ['recovery-kit', '--out', kit]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).not.toMatch(KEY_SHAPE);
    const text = execFileSync('pdftotext', ['-layout', kit, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Store: [0-9a-f-]{36}/);
    // The key's eight groups, in the order printed, between its heading and the next.
    const groups = text.slice(text.indexOf('Recovery key'), text.indexOf('What this key does')).match(/\b[0-9A-Z]{4}\b/g) ?? [];
    expect(groups).toHaveLength(8);
    const newKey = groups.join('-');
    expect(newKey).not.toBe(oldKey);

    // A backup made now opens with the new key only.
    const file = path.join(dir, 'now.gdbackup');
    expect((await runCli(dataDir, ['backup', '--out', file])).code).toBe(0);
    const withOld = await cliOnFreshKeyring(path.join(dir, 'a'), ['restore', file], `${oldKey}\n${NEW_PASSCODE}\n`);
    expect(withOld.code).not.toBe(0);
    const withNew = await cliOnFreshKeyring(path.join(dir, 'b'), ['restore', file], `${newKey}\n${NEW_PASSCODE}\n`);
    expect(withNew.code, withNew.stderr).toBe(0);
  }, SLOW);
});
