#!/usr/bin/env node
// `npm start`: build, stage the app with its native modules rebuilt for Electron, and launch Electron on the stage.
//
// Why a stage: keytar and better-sqlite3-multiple-ciphers are native, and one .node file cannot serve both Node
// (npm test, the CLI) and Electron (a different ABI). The project's node_modules keep the Node builds. The stage,
// node_modules/.cache/giftdesk-electron/app/, holds a copy of dist/ and its own node_modules with only the two
// native packages, rebuilt there by @electron/rebuild for the installed Electron. Code in the stage resolves the
// natives from the stage first and everything else by walking up to the project's node_modules, exactly like the
// packaged app, whose natives electron-builder rebuilds into the package (npmRebuild) without touching ours.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', 'keytar'];
export const defaultStageDir = path.join(root, 'node_modules', '.cache', 'giftdesk-electron', 'app');

/**
 * The Electron executable, or null with the reason when there is none. Read the way Electron's own index.js finds it
 * (path.txt, ELECTRON_OVERRIDE_DIST_PATH), but without requiring it: since Electron 45 that require starts a download.
 */
export function findElectron() {
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, name ?? 'electron');
    return existsSync(executable) ? { executable, reason: null } : { executable: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, and ${executable} does not exist` };
  }
  if (!name) return { executable: null, reason: 'the binary was never downloaded' };
  const executable = path.join(pkgDir, 'dist', name);
  return existsSync(executable) ? { executable, reason: null } : { executable: null, reason: `no file at ${executable}` };
}

/**
 * Electron 45's package no longer fetches its binary when installed; its `install-electron` command does. Runs it
 * once, quietly, and returns why it failed (its first line of output), or null when it worked.
 */
export function fetchElectron() {
  const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], { encoding: 'utf8', cwd: root });
  if (r.status === 0) return null;
  const said = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return said ?? `install-electron exited with ${r.status}`;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Copies dist/ and the native packages (without their Node build output) into the stage. When the natives were
 * (re)copied and need building, which happens only when Electron's or a native module's version changed, returns the
 * stamp to write once they are built; otherwise null.
 */
export function stageApp({ projectDir = root, distDir = path.join(projectDir, 'dist'), stageDir = defaultStageDir, electronVersion }) {
  const pkg = readJson(path.join(projectDir, 'package.json'));
  const natives = Object.fromEntries(NATIVE_MODULES.map((m) => [m, readJson(path.join(projectDir, 'node_modules', m, 'package.json')).version]));
  mkdirSync(stageDir, { recursive: true });
  rmSync(path.join(stageDir, 'dist'), { recursive: true, force: true });
  cpSync(distDir, path.join(stageDir, 'dist'), { recursive: true });
  writeFileSync(
    path.join(stageDir, 'package.json'),
    JSON.stringify({ name: pkg.name, productName: pkg.productName, version: pkg.version, main: pkg.main, dependencies: natives }, null, 2),
  );

  const stampFile = path.join(stageDir, 'node_modules', '.giftdesk-electron-stamp.json');
  const stamp = JSON.stringify({ electronVersion, natives });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return null;
  for (const name of NATIVE_MODULES) {
    const target = path.join(stageDir, 'node_modules', name);
    rmSync(target, { recursive: true, force: true });
    cpSync(path.join(projectDir, 'node_modules', name), target, {
      recursive: true,
      filter: (src) => path.relative(path.join(projectDir, 'node_modules', name), src).split(path.sep)[0] !== 'build',
    });
  }
  return { stampFile, stamp };
}

async function main() {
  let electron = findElectron();
  if (!electron.executable && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    console.error('npm start: the Electron binary is not installed yet; fetching it (npx install-electron) …');
    const failed = fetchElectron();
    electron = failed ? { executable: null, reason: `fetching it failed: ${failed}` } : findElectron();
  }
  if (!electron.executable) {
    // One sentence, with the one command that fixes it; npm test and the CLI do not need the binary.
    console.error(
      `npm start: the Electron binary is missing (${electron.reason}), so run \`npx install-electron\` where Electron's download host ` +
        '(github.com, or the mirror named in ELECTRON_MIRROR) can be reached, then `npm start` again.',
    );
    process.exit(1);
  }
  const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;

  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const fresh = stageApp({ electronVersion });
  if (fresh) {
    console.log(`Rebuilding ${NATIVE_MODULES.join(' and ')} for Electron ${electronVersion} in ${path.relative(root, defaultStageDir)} …`);
    const { rebuild } = require('@electron/rebuild');
    await rebuild({ buildPath: defaultStageDir, electronVersion, onlyModules: NATIVE_MODULES, force: true });
    writeFileSync(fresh.stampFile, fresh.stamp);
  }

  const run = spawnSync(electron.executable, [defaultStageDir], { stdio: 'inherit', cwd: root });
  process.exit(run.status ?? 0);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main().catch((err) => {
    console.error(`npm start: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
