#!/usr/bin/env node
// `npm start`: build, then launch Electron on the built app.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const step = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['scripts/build.mjs']);
const electron = createRequire(import.meta.url)('electron');
const r = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(r.status ?? 0);
