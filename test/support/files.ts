import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below a folder, with its bytes. */
export function allFiles(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...allFiles(full));
    else out.push({ file: full, bytes: readFileSync(full) });
  }
  return out;
}

/** A snapshot of a folder: file names and their SHA-256, to show nothing was touched. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    allFiles(dir).map(({ file, bytes }) => [path.relative(dir, file), createHash('sha256').update(bytes).digest('hex')]),
  );
}
