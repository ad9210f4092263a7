import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/store/open-store';
import { openCore, TEST_PASSCODE } from '../support/core';
import { allFiles } from '../support/files';
import { tempDir } from '../support/temp-dir';
import { scriptCommand, testCliCommand } from '../support/test-bundle';

// What mode each file and folder is created with, seen by strace at the system call, not only the final mode.

interface Creation {
  path: string;
  kind: 'file' | 'dir';
  mode: number;
}

/** `command` run under strace, every file it opens or makes logged. */
function traced(log: string, command: string[], stdin: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('strace', ['-f', '-qq', '-e', 'trace=open,openat,creat,mkdir,mkdirat', '-o', log, ...command], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin.end(stdin);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

/**
 * Each path under `dir` with its first creating call: the first open with O_CREAT (a later one, such as SQLite's own
 * open of a database file made before it, finds the file there and creates nothing) or the first mkdir.
 */
function creations(log: string, dir: string): Creation[] {
  const seen = new Map<string, Creation>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const open = /\bopen(?:at)?\((?:AT_FDCWD, )?"([^"]+)", ([A-Z_|]+), (0\d+)/.exec(line);
    const created = open && open[2]!.includes('O_CREAT') ? { path: open[1]!, kind: 'file' as const, mode: parseInt(open[3]!, 8) } : null;
    const dirMade = /\bmkdir(?:at)?\((?:AT_FDCWD, )?"([^"]+)", (0\d+)\)/.exec(line);
    const c = created ?? (dirMade ? { path: dirMade[1]!, kind: 'dir' as const, mode: parseInt(dirMade[2]!, 8) } : null);
    if (!c || !(c.path === dir || c.path.startsWith(`${dir}/`))) continue;
    const key = `${c.kind}:${c.path}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

function expectPrivate(found: Creation[], dir: string) {
  const loose = found.filter((c) => c.mode !== (c.kind === 'dir' ? 0o700 : 0o600));
  expect(loose.map((c) => `${c.kind} ${path.relative(dir, c.path) || '.'} ${c.mode.toString(8)}`)).toEqual([]);
}

function expectFinalModes(dir: string) {
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  for (const { file } of allFiles(dir)) expect(statSync(file).mode & 0o777, file).toBe(0o600);
}

describe('file modes', () => {
  it.each([
    ['a new data folder', (_: string) => {}],
    ['an existing 0755 one', (dataDir: string) => {
      mkdirSync(dataDir, { mode: 0o755 });
      chmodSync(dataDir, 0o755);
    }],
  ])('are 0600 and 0700 from creation on, in %s, during a 2,000-card sandbox order and a backup', async (_, prepare) => {
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    prepare(dataDir);
    const log = path.join(root, 'order.strace');
    const order = await traced(
      log,
      [...testCliCommand(), '--data-dir', dataDir, '--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5', '--qty', '2000', '--poll-every', '0.2'],
      `${TEST_PASSCODE}\n`,
    );
    expect(order.code, order.stderr).toBe(0);
    const found = creations(log, dataDir);
    const names = found.map((c) => path.relative(dataDir, c.path));
    expect(names).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'sandbox']));
    expect(names.some((n) => /^\.store\.json\.\d+\.tmp$/.test(n))).toBe(true);
    expectPrivate(found, dataDir);
    expectFinalModes(dataDir);

    const backups = path.join(root, 'backups');
    mkdirSync(backups);
    const backupLog = path.join(root, 'backup.strace');
    const backup = await traced(backupLog, [...scriptCommand('test/support/backup-child.ts'), dataDir, path.join(backups, 'b.gdbackup')], '');
    expect(backup.code, backup.stderr).toBe(0);
    const made = creations(backupLog, backups);
    expect(made.some((c) => c.path.endsWith('.snapshot')) && made.some((c) => c.path.endsWith('.partial'))).toBe(true);
    expectPrivate(made, backups);
    expectPrivate(creations(backupLog, dataDir), dataDir);
    expect(statSync(path.join(backups, 'b.gdbackup')).mode & 0o777).toBe(0o600);
  });

  it('tightens a store left loose by an older Giftdesk when it opens', async () => {
    const dataDir = path.join(tempDir(), 'data');
    (await openCore(dataDir)).close();
    chmodSync(dataDir, 0o755);
    for (const { file } of allFiles(dataDir)) chmodSync(file, 0o644);
    const core = await openCore(dataDir);
    try {
      expectFinalModes(dataDir);
    } finally {
      await core.close();
    }
  });
});
