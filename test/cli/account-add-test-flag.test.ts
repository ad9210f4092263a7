import { afterEach, expect, test } from 'vitest';
import { jsonLines, runCli } from '../support/cli';
import { startStubServer } from '../support/stub-server';
import { tempDir } from '../support/temp-dir';

// `account add --test` asks the provider before it stores the key: a key that fails is not stored, and the command
// says why (exit 1). Without --test the key is stored as scripts have always had it (products.test.ts and others).

const GOOD = 'wpay-partner-key-that-works-5150';
let stub: Awaited<ReturnType<typeof startStubServer>> | undefined;
afterEach(async () => {
  await stub?.close();
});

test('with --test, a failing key is not stored and a working one is', async () => {
  stub = await startStubServer((req) =>
    req.headers['x-api-key'] === GOOD
      ? { status: 200, body: { balance: '42.00', status: 'ACTIVATED', currency: { code: 'AUD' } } }
      : { status: 401, body: { code: 'AP01', message: 'Invalid API key' } },
  );
  const dataDir = tempDir();
  const refused = await runCli(dataDir, ['account', 'add', '--name', 'Shop', '--provider', 'wpay', '--base-url', stub.url, '--test'], 'wpay-partner-key-wrong-0000\n');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/The connection test failed, so nothing was saved: .*HTTP 401 code AP01.*Invalid API key/);
  const none = jsonLines<{ name: string }>((await runCli(dataDir, ['--json', 'account', 'list'])).stdout);
  expect(none.map((a) => a.name)).not.toContain('Shop');

  const added = await runCli(dataDir, ['account', 'add', '--name', 'Shop', '--provider', 'wpay', '--base-url', stub.url, '--test'], `${GOOD}\n`);
  expect(added.code, added.stderr).toBe(0);
  const listed = jsonLines<{ name: string }>((await runCli(dataDir, ['--json', 'account', 'list'])).stdout);
  expect(listed.map((a) => a.name)).toContain('Shop');
});
