// Card files are written beside their destination under a temporary name, readable by the owner only, and renamed
// into place when complete: a failed export leaves no half-written file of card secrets behind.
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { once } from 'node:events';

/** `temp` is the name written under until the rename; the caller may choose it (and note it as a leftover, fs/leftovers.ts). */
export async function writeAtomically(outPath: string, write: (out: WriteStream) => Promise<void>, temp = `${outPath}.${randomBytes(6).toString('hex')}.partial`): Promise<number> {
  const out = createWriteStream(temp, { mode: 0o600, flags: 'wx' });
  const closed = once(out, 'close');
  closed.catch(() => {});
  try {
    await once(out, 'open');
    await write(out);
    if (!out.writableFinished) {
      out.end();
    }
    await closed;
    await rename(temp, outPath);
    return (await stat(outPath)).size;
  } catch (err) {
    out.destroy();
    await unlink(temp).catch(() => {});
    throw err;
  }
}

/** Lets the event loop drain a producer that ignores back-pressure (pdfkit) before it makes the next page. */
export async function drain(pending: () => number, limit = 4 * 1024 * 1024): Promise<void> {
  while (pending() > limit) await new Promise((resolve) => setImmediate(resolve));
}
