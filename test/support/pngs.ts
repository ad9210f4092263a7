// PNG files made for tests: one whose header alone claims a size, one that decodes to a small badge.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** A real PNG file whose header says width × height (its one IDAT row is all there is: it is never decoded). */
export function pngHeader(file: string, width: number, height: number): void {
  writePng(file, width, height, Buffer.alloc(1 + width * 4));
}

/** An 8-bit RGBA PNG of the given filtered scanlines (each row: a filter byte, then width × 4 bytes). */
function writePng(file: string, width: number, height: number, scanlines: Buffer): void {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  writeFileSync(file, Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(scanlines)), chunk('IEND', Buffer.alloc(0))]));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * A real, decodable RGBA PNG of a round badge (a teal ring around a dot, transparent outside): a logo to print.
 * Its size is what its header says, so a test can find it again among a PDF's images.
 */
export function badgePng(file: string, size: number): { width: number; height: number } {
  const rows: Buffer[] = [];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c) / (size / 2);
      const teal = r <= 0.3 || (r >= 0.55 && r <= 1);
      const white = r > 0.3 && r < 0.55;
      if (teal) row.set([0x0f, 0x76, 0x6e, 0xff], 1 + x * 4);
      else if (white) row.set([0xff, 0xff, 0xff, 0xff], 1 + x * 4);
    }
    rows.push(row);
  }
  writePng(file, size, size, Buffer.concat(rows));
  return { width: size, height: size };
}
