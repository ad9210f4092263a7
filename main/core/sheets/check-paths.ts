// Paths a person gave, checked on the main thread so a mistake is a sentence about their input, not a worker's stack.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors';

export function checkOutPath(outPath: string): void {
  const dir = path.dirname(path.resolve(outPath));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ValidationError('out', `The folder ${dir} does not exist.`);
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** pdfkit embeds PNG and JPEG only. */
export function checkLogo(logoPath: string): void {
  const head = Buffer.alloc(4);
  try {
    const fd = openSync(logoPath, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ValidationError('logo', `Cannot read the logo ${logoPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const is = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (!is(PNG) && !is(JPEG)) throw new ValidationError('logo', 'The logo must be a PNG or JPEG image.');
}
