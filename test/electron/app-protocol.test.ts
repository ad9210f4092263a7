import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';
import { parseCsp } from '../support/parse-csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Giftdesk</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'not for the renderer');
  writeFileSync(path.join(base, 'giftdesk.db'), 'database');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('the app: protocol serving the renderer', () => {
  it('serves the packaged files with their type and the CSP header', async () => {
    const page = await get('app://giftdesk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Giftdesk</title>');
    expect(parseCsp(page.headers.get('content-security-policy') ?? '')).toEqual(parseCsp(CONTENT_SECURITY_POLICY));
    const script = await get('app://giftdesk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://giftdesk/')).status).toBe(200);
  });

  it('refuses every way out of the renderer folder, plain, encoded or through a symlink', async () => {
    const attempts = [
      'app://giftdesk/../secret.txt',
      'app://giftdesk/%2e%2e/secret.txt',
      'app://giftdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://giftdesk/..%2fgiftdesk.db',
      'app://giftdesk/assets/..%5c..%5csecret.txt',
      'app://giftdesk/%2fetc%2fpasswd',
      'app://giftdesk/assets/link.txt',
      'app://giftdesk/index.html%00.js',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('not for the renderer');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only its own host, only reads, and 404s what is missing', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://giftdesk/nope.js')).status).toBe(404);
    expect((await get('app://giftdesk/assets')).status).toBe(404);
    expect((await get('app://giftdesk/index.html', 'POST')).status).toBe(405);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://giftdesk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });
});
