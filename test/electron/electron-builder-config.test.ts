import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and validator (the ones `electron-builder` runs before packaging), checking
// electron-builder.yml against the JSON schema shipped in app-builder-lib.
const root = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>;
  files?: Array<{ filter: string[] }>;
  linux?: { target?: string[] };
  mac?: { target?: string; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
  win?: { target?: string };
};
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => {} };

async function loadConfig(): Promise<Config> {
  return builderConfig.getConfig(root, null, null);
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema, which does reject a misspelt option", async () => {
    const config = await loadConfig();
    await expect(builderConfig.validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(builderConfig.validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/does not match the API schema/);
  });

  it('names the app and builds AppImage and deb, a hardened-runtime dmg and an NSIS installer', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('au.giftdesk.app');
    expect(config.productName).toBe('Giftdesk');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.mac?.hardenedRuntime).toBe(true);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      const plist = readFileSync(path.join(root, file ?? 'missing'), 'utf8');
      expect(plist).toContain('com.apple.security.cs.allow-jit');
      expect(plist).not.toContain('disable-library-validation');
    }
    expect(config.win?.target).toBe('nsis');
  });

  it('packs the built app into asar, with native modules unpacked and rebuilt for Electron', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node', 'dist/main/card-worker.cjs', 'dist/main/card-writer.cjs', 'dist/main/backup-worker.cjs']);
    expect(config.npmRebuild).toBe(true);
    expect(config.files?.flatMap((f) => f.filter)).toEqual(['dist/**', 'package.json']);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(existsSync(path.join(root, 'main/electron/main.ts'))).toBe(true);
  });

  it('sets the fuses: no run-as-node, NODE_OPTIONS or inspector; encrypted cookies; asar-only with integrity; no file:// privileges', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
