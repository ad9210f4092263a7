import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { readBackupHeader } from '../../main/core/vault/backup/backup-file';
import { openCore } from '../support/core';
import { manualClock } from '../support/manual-clock';
import { tempDir } from '../support/temp-dir';

const DAY = 24 * 60 * 60_000;

/** Lets the schedule's loop run: it wakes on the clock, then its backup thread works in real time. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const backupsIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.gdbackup')).sort() : []);

describe('daily backups', () => {
  it('make a verified backup each day into the chosen folder and keep the last N', async () => {
    const root = tempDir();
    const folder = path.join(root, 'backups');
    const clock = manualClock();
    const core: Core = await openCore(path.join(root, 'data'), { clock, sandbox: false });
    try {
      expect(core.backups.setSchedule({ folder })).toEqual({ folder, keep: 14 });
      core.backups.setSchedule({ folder, keep: 3 });
      const results: unknown[] = [];
      core.backups.startSchedule((r) => results.push(r));
      await until(() => backupsIn(folder).length === 1 && clock.sleepers() > 0, 'the first backup');
      expect(core.backups.status()).toMatchObject({ last: { ok: true, at: clock.now() }, overdue: false });

      // The schedule looks every hour: move the clock an hour at a time, each time until it is asleep again.
      const idle = clock.sleepers();
      const passHours = async (hours: number) => {
        for (let h = 0; h < hours; h++) {
          clock.advance(60 * 60_000);
          await until(() => clock.sleepers() >= idle, 'the schedule to look and sleep again');
        }
      };
      await passHours(23);
      expect(backupsIn(folder)).toHaveLength(1);
      await passHours(1);
      expect(backupsIn(folder)).toHaveLength(2);
      expect(core.backups.status().last).toMatchObject({ ok: true, at: clock.now() });
      // Three more days: five backups made, the last three kept.
      await passHours(3 * 24);
      const kept = backupsIn(folder);
      expect(kept).toHaveLength(3);
      // The newest three, each a verified backup of this store, private to its owner.
      expect(kept.at(-1)).toBe(path.basename(core.backups.status().last!.file));
      for (const name of kept) {
        const file = path.join(folder, name);
        expect(readBackupHeader(file).header.storeId).toBe(core.storeId);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      }
      expect(results.every((r) => (r as { ok?: boolean }).ok === true)).toBe(true);
      expect(results).toHaveLength(5);
    } finally {
      await core.close();
    }
  });

  it('say when there has been no backup for 7 days', async () => {
    const root = tempDir();
    const clock = manualClock();
    const core = await openCore(path.join(root, 'data'), { clock, sandbox: false });
    try {
      clock.advance(6 * DAY);
      expect(core.backups.status()).toMatchObject({ overdue: false, lastSuccess: null });
      clock.advance(DAY);
      expect(core.backups.status().overdue).toBe(true);
      await core.backups.backup(path.join(root, 'now.gdbackup'));
      expect(core.backups.status().overdue).toBe(false);
      clock.advance(7 * DAY);
      expect(core.backups.status().overdue).toBe(true);
    } finally {
      await core.close();
    }
  });
});
