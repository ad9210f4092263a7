#!/usr/bin/env node
// `npm test`: type-check, then every test suite, inside a private keyring session on Linux so that the real
// Secret Service is used without touching the developer's own keyring. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKeyringSession } from './keyring-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

ensureKeyringSession(['scripts/test.mjs', ...process.argv.slice(2)]);

const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

mkdirSync('test-results', { recursive: true });
const suites = [];
suites.push({ name: 'typecheck', ok: run('type-check (tsc --noEmit -p .)', bin('tsc'), ['--noEmit', '-p', '.']) });
suites.push({ name: 'electronegativity', ok: run('Electron security scan (electronegativity over main/)', process.execPath, ['test/electron/electronegativity.mjs']) });
const unitJson = path.join('test-results', 'vitest.json');
const unitOk = run('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);

// The desktop UI end to end: the built renderer in Chromium, driven by Playwright, on a real core (own vitest config).
const e2eJson = path.join('test-results', 'e2e.json');
rmSync(e2eJson, { force: true });
const e2eOk = run('desktop UI end to end (Playwright, Chromium)', bin('vitest'), [
  'run',
  '--config',
  'test/ui/vitest.e2e.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${e2eJson}`,
]);

let passed = 0;
let failed = 0;
for (const [json, ok] of [
  [unitJson, unitOk],
  [e2eJson, e2eOk],
]) {
  const before = failed;
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (!ok && failed === before) failed += 1; // the runner itself failed (e.g. a file did not load)
}
for (const s of suites) {
  if (s.ok) passed += 1;
  else failed += 1;
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
