import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../main/electron/app-protocol';

// Runs the real scripts/build.mjs (esbuild + Vite) into a temporary folder, then checks that what it produced is
// what Electron will be given: a main bundle that starts the shell correctly, and a renderer the app: protocol can
// serve under the CSP.
const root = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);
let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-build-'));
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/build.mjs', () => {
  it('writes the main bundle, the preload and the renderer where package.json and the shell expect them', () => {
    for (const file of ['main/main.cjs', 'main/preload.cjs', 'renderer/index.html']) expect(existsSync(path.join(out, file)), file).toBe(true);
  });

  it('produces a main bundle that registers the app: scheme as secure, sandboxes every renderer, and quits as a second instance', () => {
    const r = spawnSync(process.execPath, ['-r', path.join(root, 'test/electron/fixtures/record-electron.cjs'), path.join(out, 'main/main.cjs')], {
      cwd: out,
      // The build folder is outside the project, so its externals are found through NODE_PATH.
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const { calls, required } = JSON.parse(r.stdout) as { calls: Array<{ name: string; args: unknown[] }>; required: string[] };
    const names = calls.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock', 'app.quit']);
    expect(names).not.toContain('app.whenReady');
    expect(calls[0]?.args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, corsEnabled: false }) }]);
    // The native modules are loaded from node_modules (where the Electron-ABI builds are put), not bundled: the
    // store's at startup, keytar on first keychain use.
    expect(required).toContain('better-sqlite3-multiple-ciphers');
    const bundle = readFileSync(path.join(out, 'main/main.cjs'), 'utf8');
    expect(bundle).toMatch(/(?:require|import)\("keytar"\)/);
    expect(bundle).not.toMatch(/node_modules\/(keytar|better-sqlite3-multiple-ciphers)\//);
  });

  it('produces a renderer with no inline script or style, every asset of which the app: protocol serves', async () => {
    const html = readFileSync(path.join(out, 'renderer/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/[^"]+"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const assets = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of ['./index.html', ...assets]) {
      const res = await serveAppRequest(path.join(out, 'renderer'), { url: new URL(asset, 'app://giftdesk/').href, method: 'GET' });
      expect(res.status, asset).toBe(200);
    }
  });
});

/** Whether this checkout has Electron's binary (a developer's machine may; CI never does). */
function electronBinaryInstalled(): boolean {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const name = path.join(dir, 'path.txt');
  return existsSync(name) && existsSync(path.join(dir, 'dist', readFileSync(name, 'utf8')));
}

/** spawnSync would block the loopback mirror this test serves; this waits without blocking. */
function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface StartScript {
  NATIVE_MODULES: string[];
  stageApp(options: { projectDir?: string; distDir?: string; stageDir?: string; electronVersion: string }): { stampFile: string; stamp: string } | null;
}

describe('npm start (scripts/start.mjs)', () => {
  it('stops with one sentence saying how to fetch the binary, before building anything, when an override points at nothing', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-no-electron-'));
    try {
      // ELECTRON_OVERRIDE_DIST_PATH is Electron's own way to point at a binary; an empty folder has none.
      const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty } });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^npm start: the Electron binary is missing \(ELECTRON_OVERRIDE_DIST_PATH .*\), so run `npx install-electron` .*then `npm start` again\.$/)]);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  // Electron 45 no longer downloads its binary on install; npm start fetches it. Here the download host cannot be
  // reached, so the fetch goes to a mirror on loopback that has no such file, which is what a blocked host looks like.
  it.skipIf(electronBinaryInstalled())('fetches a missing binary through install-electron, and says in one sentence how when that fails', async () => {
    const asked: string[] = [];
    const mirror = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as AddressInfo;
    const cache = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-electron-cache-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache };
      delete env.ELECTRON_OVERRIDE_DIST_PATH;
      const r = await runAsync(process.execPath, ['scripts/start.mjs'], env);
      expect(asked.some((u) => u.includes('electron-v')), asked.join(' ')).toBe(true);
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toContain('fetching it (npx install-electron)');
      expect(lines.slice(1)).toEqual([expect.stringMatching(/^npm start: the Electron binary is missing \(fetching it failed: .*\), so run `npx install-electron` .*then `npm start` again\.$/)]);
      expect(r.stdout).toBe('');
    } finally {
      mirror.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("stages the app with its own copies of the native modules, leaving the project's Node builds alone", async () => {
    const start = (await import(pathToFileURL(path.join(root, 'scripts/start.mjs')).href)) as StartScript;
    // Under node_modules like the real stage, so module resolution walks up to the project's node_modules.
    const stageDir = path.join(root, 'node_modules', '.cache', 'giftdesk-electron', `test-${process.pid}`);
    try {
      const first = start.stageApp({ distDir: out, stageDir, electronVersion: '41.7.1' });
      expect(first).not.toBeNull();
      const pkg = JSON.parse(readFileSync(path.join(stageDir, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
      expect(existsSync(path.join(stageDir, pkg.main))).toBe(true);
      expect(Object.keys(pkg.dependencies).sort()).toEqual([...start.NATIVE_MODULES].sort());

      const from = path.join(stageDir, 'dist', 'main');
      for (const name of start.NATIVE_MODULES) {
        // The staged bundle loads the staged copy (to be rebuilt for Electron), which carries no Node build...
        expect(require.resolve(`${name}/package.json`, { paths: [from] })).toBe(path.join(stageDir, 'node_modules', name, 'package.json'));
        expect(existsSync(path.join(stageDir, 'node_modules', name, 'build'))).toBe(false);
        // ...while the project keeps its Node build for npm test and the CLI.
        expect(existsSync(path.join(root, 'node_modules', name, 'build', 'Release'))).toBe(true);
      }
      // Everything else still comes from the project's node_modules.
      expect(require.resolve('pdfkit', { paths: [from] })).toBe(require.resolve('pdfkit'));

      if (first) writeFileSync(first.stampFile, first.stamp);
      expect(start.stageApp({ distDir: out, stageDir, electronVersion: '41.7.1' })).toBeNull();
      expect(start.stageApp({ distDir: out, stageDir, electronVersion: '42.0.0' })).not.toBeNull();
    } finally {
      rmSync(stageDir, { recursive: true, force: true });
    }
  });
});
