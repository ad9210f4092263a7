// Paths a person gave, checked on the main thread so a mistake is a sentence about their input, not a worker's stack.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors';
import { readImageSize, type ImageSize } from './image-size';

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

/**
 * The largest logo, in pixels, a sheet takes: 4 megapixels (2,000 × 2,000). pdfkit decodes a PNG whole and keeps it
 * in several forms while embedding it (about 9 bytes a pixel for RGBA), so this keeps a logo under ~40 MB of the
 * sheet's 400 MB memory target; a logo printed a few centimetres wide needs far fewer pixels than that.
 */
export const MAX_LOGO_PIXELS = 4_000_000;

const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EACCES: 'Giftdesk may not read it',
  EPERM: 'Giftdesk may not read it',
  EISDIR: 'it is a folder',
};

function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return (code && UNREADABLE[code]) ?? (code ? `it cannot be read (${code})` : 'it cannot be read');
}

/** pdfkit embeds PNG and JPEG only; the size is read from the header, never by decoding the image. */
export function checkLogo(logoPath: string): void {
  let size: ImageSize | null;
  try {
    size = readImageSize(logoPath);
  } catch (err) {
    // Named by the file alone: the desktop app shows this sentence, and its window never learns a path.
    throw new ValidationError('logo', `Cannot read the logo ${path.basename(logoPath)}: ${unreadable(err)}.`);
  }
  if (!size) throw new ValidationError('logo', 'The logo must be a PNG or JPEG image.');
  if (size.width === 0 || size.height === 0) throw new ValidationError('logo', 'The logo has no pixels.');
  if (size.width * size.height > MAX_LOGO_PIXELS) {
    throw new ValidationError(
      'logo',
      `The logo is ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} pixels; a card sheet takes at most ` +
        `${(MAX_LOGO_PIXELS / 1_000_000).toLocaleString('en')} megapixels (e.g. 2,000 × 2,000). Scale it down and try again.`,
    );
  }
}
