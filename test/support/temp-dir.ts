import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const forFile: string[] = [];
afterAll(() => {
  for (const dir of forFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test that made it ends (or, made in a beforeAll, when the file's tests end). */
export function tempDir(prefix = 'giftdesk-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    forFile.push(dir);
  }
  return dir;
}
