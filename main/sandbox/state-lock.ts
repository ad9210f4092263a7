import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { GiftdeskError } from '../core/errors';

export class SandboxFolderBusy extends GiftdeskError {
  readonly kind = 'sandbox-busy';
}

/**
 * One sandbox per state folder: two processes (the app and the CLI on one data dir) would hand out the same order
 * numbers and miss each other's references. A lock left by a process that died (a killed CLI) is taken over.
 */
export function lockStateDir(dir: string): () => void {
  const file = path.join(dir, 'sandbox.lock');
  const mine = `${process.pid}:${startTimeOf(process.pid) ?? ''}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        // Only our own lock is removed, never one a later process took over.
        if (readLock(file) === mine) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      const [pid, started] = (holder ?? '').split(':');
      if (holder !== null && isAlive(Number(pid), started ?? '')) {
        throw new SandboxFolderBusy(`The sandbox state folder ${dir} is in use by process ${pid}; only one sandbox may run on it.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new SandboxFolderBusy(`Could not lock the sandbox state folder ${dir}.`);
}

function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Alive, and the same process that wrote the lock: a recycled pid (crash loops reuse them fast) does not count. */
function isAlive(pid: number, started: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTimeOf(pid);
  return !started || now === null || now === started;
}

/** Linux: the process start time from /proc (field 22); null where there is no /proc. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
