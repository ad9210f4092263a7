#!/usr/bin/env node
// Builds what Electron runs: main and preload bundled by esbuild (native modules and electron left external),
// and the renderer by Vite. `npm start` and packaging both start here.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'keytar'],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/main.cjs' });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs' });
const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(vite.status ?? 1);
