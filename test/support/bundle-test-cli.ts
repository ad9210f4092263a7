// vitest's global setup: the scripts tests start as processes (the CLI, the sandbox's server, the crash children; see
// BUNDLED_SCRIPTS) and the core's worker threads, bundled once per run by esbuild, as the desktop build bundles main's.
// Started from source through tsx, each of the suite's several hundred CLI starts spent about 1.8 s compiling before
// it did anything (2.5 s against 0.8 s for `--help`), and each test core's first worker thread about 0.3 s. The
// packages stay in node_modules (the bundle sits under it, so they resolve as from the source). A run without this
// setup (the mutation configs) starts everything from source, as before.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_SCRIPTS, TEST_BUNDLE_ENV } from './test-bundle';

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(): Promise<() => void> {
  const cache = path.join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'giftdesk-test-cli-'));
  await build({
    absWorkingDir: root,
    entryPoints: {
      ...Object.fromEntries(Object.entries(BUNDLED_SCRIPTS).map(([source, name]) => [name, source])),
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
  // Read by test-bundle.ts in the test processes, and in the processes they start (which inherit it).
  process.env[TEST_BUNDLE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
