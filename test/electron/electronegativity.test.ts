import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm test runs the gate over main/ as its own step (scripts/test.mjs); this checks the gate can say no.
const root = path.resolve(__dirname, '..', '..');

describe('the Electronegativity gate', () => {
  it('fails on an Electron shell with no isolation, web security off, an http page and no CSP, and names the findings', () => {
    const r = spawnSync(process.execPath, ['test/electron/electronegativity.mjs', 'test/electron/fixtures/insecure-shell'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK main\.js:5/);
    expect(r.stderr).toMatch(/MEDIUM\s+WEB_SECURITY_JS_CHECK main\.js:5/);
    expect(r.stderr).toMatch(/MEDIUM\s+HTTP_RESOURCES_JS_CHECK main\.js:6/);
    expect(r.stderr).toMatch(/MEDIUM\s+CSP_GLOBAL_CHECK/);
  });
});
