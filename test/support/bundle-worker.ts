import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles a worker entry with the settings scripts/build.mjs uses for the desktop app, inside the project so that
 * the bundle resolves its external packages (native modules, pdfkit) from node_modules as the packaged app does.
 */
export async function bundleWorker(entry: string): Promise<string> {
  const dir = mkdtempSync(path.join(root, 'node_modules/.cache-giftdesk-bundle-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
  await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'keytar', 'pdfkit', '@node-rs/argon2'],
    logLevel: 'warning',
    entryPoints: [entry],
    outfile: file,
  });
  return file;
}
