import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Files that hold cards in the clear or half-written for a moment (a card file's `.partial`, the plain sheet in a
// print or preview folder, a recovery kit being written) are noted here before they exist and forgotten once they are
// gone. A process killed in between leaves its note behind, and the next start of any Giftdesk process on this data
// folder removes what the note names, once the process that wrote it is gone.

export type LeftoverKind = 'file' | 'folder';

interface Note {
  target: string;
  kind: LeftoverKind;
  pid: number;
}

export function createLeftovers(dir: string, pid = process.pid) {
  return {
    /** Notes `target` before it is made; the returned function forgets it (call it once the target is gone or final). */
    track(target: string, kind: LeftoverKind): () => void {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const note = path.join(dir, `${randomUUID()}.json`);
      writeFileSync(note, JSON.stringify({ target, kind, pid } satisfies Note), { mode: 0o600, flag: 'wx' });
      return () => rmSync(note, { force: true });
    },

    /** Removes what processes that are gone left behind; returns how many were removed. */
    sweep(): number {
      let removed = 0;
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith('.json'));
      } catch {
        return 0;
      }
      for (const name of names) {
        const file = path.join(dir, name);
        const note = readNote(file);
        if (note && note.pid !== pid && isRunning(note.pid)) continue;
        if (note) rmSync(note.target, { recursive: note.kind === 'folder', force: true });
        rmSync(file, { force: true });
        if (note) removed += 1;
      }
      return removed;
    },
  };
}

export type Leftovers = ReturnType<typeof createLeftovers>;

/** The temporary name a file is written under beside its destination before it is renamed into place. */
export function partialPathFor(outPath: string): string {
  return `${outPath}.${randomUUID().slice(0, 12)}.partial`;
}

function readNote(file: string): Note | null {
  try {
    const note = JSON.parse(readFileSync(file, 'utf8')) as Partial<Note>;
    if (typeof note.target !== 'string' || !path.isAbsolute(note.target) || typeof note.pid !== 'number') return null;
    if (note.kind !== 'file' && note.kind !== 'folder') return null;
    return { target: note.target, kind: note.kind, pid: note.pid };
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
