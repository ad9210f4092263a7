import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * One sandbox per state folder: two processes (the app and the CLI on one data dir) would hand out the same order
 * numbers and miss each other's references. A lock left by a process that died is taken over.
 */
export function lockStateDir(dir: string): () => void {
  const file = path.join(dir, 'sandbox.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(`The sandbox state folder ${dir} is in use by process ${holder}; only one sandbox may run on it.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the sandbox state folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
