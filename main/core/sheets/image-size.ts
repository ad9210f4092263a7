import { closeSync, openSync, readSync } from 'node:fs';

// An image's width and height read from its header alone: PNG's IHDR, or a JPEG's frame header (SOFn). Nothing is
// decoded, so a 20,000 × 20,000 logo is measured in microseconds and refused before it can take gigabytes.

export interface ImageSize {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** JPEG markers SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC). */
const isFrameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** How far into a JPEG the frame header is looked for (EXIF and ICC segments come first, and can be large). */
const JPEG_SEARCH_BYTES = 16 * 1024 * 1024;

/** The size, or null when the file is neither a PNG nor a JPEG whose header can be read. */
export function readImageSize(file: string): ImageSize | null {
  const fd = openSync(file, 'r');
  try {
    const read = (offset: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const n = readSync(fd, buf, 0, length, offset);
      return buf.subarray(0, n);
    };
    const head = read(0, 24);
    if (head.length >= 24 && head.subarray(0, 8).equals(PNG_SIGNATURE) && head.toString('latin1', 12, 16) === 'IHDR') {
      return { format: 'png', width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
    }
    if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return null;
    let offset = 2;
    while (offset < JPEG_SEARCH_BYTES) {
      const marker = read(offset, 9);
      if (marker.length < 4 || marker[0] !== 0xff) return null;
      const code = marker[1]!;
      if (code === 0xff) {
        offset += 1; // fill byte
        continue;
      }
      if (code === 0xd8 || code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
        offset += 2; // markers without a length
        continue;
      }
      if (isFrameMarker(code)) {
        if (marker.length < 9) return null;
        return { format: 'jpeg', height: marker.readUInt16BE(5), width: marker.readUInt16BE(7) };
      }
      if (code === 0xd9 || code === 0xda) return null; // end of image, or scan data before any frame header
      offset += 2 + marker.readUInt16BE(2);
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
