#!/usr/bin/env node
// `npm run bench [-- --json]`: the benchmarks, inside a private keyring session on Linux (see keyring-session.mjs).
import { spawnSync } from 'node:child_process';
import { ensureKeyringSession } from './keyring-session.mjs';

ensureKeyringSession(['scripts/bench.mjs', ...process.argv.slice(2)]);
const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
