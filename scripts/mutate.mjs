#!/usr/bin/env node
// `npm run mutate`: mutation testing with Stryker, in a keyring session of its own (as npm test). Two runs: the order
// engine (stryker.engine.config.mjs, fails below 80 % killed) and the guards around it — store, lock and IPC dispatch
// (stryker.guards.config.mjs). Each prints its score table and every surviving mutant; the reports land in
// reports/mutation/. `--only engine` (or `--only guards`) runs one of them; other arguments go to Stryker (e.g.
// --incremental, --concurrency 4).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKeyringSession } from './keyring-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
ensureKeyringSession(['scripts/mutate.mjs', ...process.argv.slice(2)]);

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? null : args.splice(onlyAt, 2)[1];

// Stryker's vitest runner runs tests in worker threads; keytar crashes a process when a second thread loads it, so
// the tests reach the same Secret Service through secret-tool (test/support/secret-tool-keychain.ts).
process.env.GIFTDESK_TEST_KEYCHAIN = 'secret-tool';
// Orders settle in a second or two here; one that has not after 6 s is stalled by its mutant.
process.env.GIFTDESK_SETTLE_LIMIT_MS ??= '6000';

const halves = [
  { name: 'engine', config: 'stryker.engine.config.mjs', breaks: true },
  { name: 'guards', config: 'stryker.guards.config.mjs', breaks: false },
];
if (only !== null && !halves.some((h) => h.name === only)) {
  console.error(`--only: give ${halves.map((h) => h.name).join(' or ')}.`);
  process.exit(2);
}
const started = Date.now();
const results = halves.filter((h) => only === null || h.name === only).map((half) => {
  console.log(`\n▶ npm run mutate: ${half.name} (${half.config})`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', half.config, ...args], { stdio: 'inherit' });
  return { ...half, ok: r.status === 0, minutes: (Date.now() - t0) / 60_000, score: scoreOf(`reports/mutation/${half.name}.json`) };
});

console.log('\nMutation score (killed + timed out, of the mutants that tests cover or should):');
for (const r of results) {
  const score = r.score === null ? 'no report' : `${r.score.toFixed(1)} %`;
  console.log(`  ${r.name.padEnd(7)} ${score.padStart(9)}   ${r.minutes.toFixed(1)} min${r.ok ? '' : r.breaks ? '   BELOW THE 80 % BREAK (or Stryker failed)' : '   Stryker failed'}`);
}
console.log(`  total time ${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

/** Stryker's mutation score from its JSON report (mutation-testing-report-schema): detected / (valid mutants). */
function scoreOf(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let detected = 0;
  let valid = 0;
  for (const f of Object.values(report.files)) {
    for (const m of f.mutants) {
      if (m.status === 'CompileError' || m.status === 'RuntimeError' || m.status === 'Ignored') continue;
      valid += 1;
      if (m.status === 'Killed' || m.status === 'Timeout') detected += 1;
    }
  }
  return valid === 0 ? 100 : (100 * detected) / valid;
}
