// vitest's global setup: the CLI that tests start (cli-entry.ts) and its worker threads, bundled once per run by
// esbuild, as the desktop build bundles main's. Started from source through tsx, each of the suite's several hundred
// CLI starts spent about 1.8 s compiling before it did anything (2.5 s against 0.8 s for `--help`). The packages stay
// in node_modules (the bundle sits under it, so they resolve as from the source). A run without this setup (the
// mutation configs) starts the CLI from source, as before.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder with the bundled test CLI (cli.mjs) and its workers, beside it. */
    testCliDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cache = path.join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'giftdesk-test-cli-'));
  await build({
    absWorkingDir: root,
    entryPoints: {
      cli: 'test/support/cli-entry.ts',
      'card-writer': 'main/core/store/writer/card-writer-worker.ts',
      'card-worker': 'main/core/exports/card-worker.ts',
      'backup-worker': 'main/core/vault/backup/backup-worker.ts',
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  project.provide('testCliDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
