#!/usr/bin/env node
// Builds what Electron runs, into <out>/ (default dist/): main and preload bundled by esbuild as CommonJS, the
// renderer by Vite. `npm start` and packaging both start here; `--out <dir>` builds elsewhere (the build test).
//
//   <out>/main/main.cjs      main process (package.json "main")
//   <out>/main/preload.cjs   preload, run in the sandboxed renderer
//   <out>/main/card-worker.cjs  worker thread for card sheets and exports
//   <out>/main/backup-worker.cjs  worker thread for backups
//   <out>/renderer/          the renderer, served to the window through app://giftdesk/
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(root, outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1] : 'dist');

// Left out of the bundle and loaded from node_modules at run time: electron (provided by the runtime), the native
// modules (their .node files must sit beside their JS, rebuilt for Electron), and pdfkit, which reads its font
// metrics from files next to its own code, and @node-rs/argon2, which loads its prebuilt N-API file for the platform.
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'keytar', 'pdfkit', '@node-rs/argon2'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  external,
  logLevel: 'warning',
};

// Each bundled entry: its source and the file it becomes under <out>. Worker threads go here too.
const entries = [
  { in: 'main/electron/main.ts', out: 'main/main.cjs' },
  { in: 'main/electron/preload.ts', out: 'main/preload.cjs' },
  // Sheet rendering and export encryption; main passes { file: path.join(__dirname, 'card-worker.cjs') } to core.
  { in: 'main/core/exports/card-worker.ts', out: 'main/card-worker.cjs' },
  // Card storage off the main thread during ingest; main passes { file: path.join(__dirname, 'card-writer.cjs') }.
  { in: 'main/core/store/writer/card-writer-worker.ts', out: 'main/card-writer.cjs' },
  // Backups (snapshot, write, verify) off the main thread; main passes { file: path.join(__dirname, 'backup-worker.cjs') }.
  { in: 'main/core/vault/backup/backup-worker.ts', out: 'main/backup-worker.cjs' },
];

await Promise.all(entries.map((e) => build({ ...common, entryPoints: [e.in], outfile: path.join(out, e.out) })));

const vite = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', path.join(out, 'renderer'), '--emptyOutDir'],
  { stdio: 'inherit', cwd: root },
);
process.exit(vite.status ?? 1);
