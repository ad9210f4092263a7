import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { auditSentence } from '../../shared/audit-sentences';
import { openCore, person, TEST_PASSCODE } from '../support/core';
import { tempDir } from '../support/temp-dir';

// An account's key is tested with its provider before it is stored (here the built-in sandbox, which answers a wrong
// key with Wpay's 401 AP01): a key that fails is stored only when the person says "save anyway".

let core: Core;
beforeEach(async () => {
  core = await openCore(path.join(tempDir(), 'data'));
});
afterEach(async () => {
  await core.close();
});

const WRONG_KEY = 'not-the-sandbox-key-0000';
const account = (name: string, apiKey: string) => ({ name, provider: 'sandbox' as const, sandboxFlavor: 'wpay' as const, apiKey });

it('stores nothing when the connection test fails: no account, no audit entry', async () => {
  const before = core.audit.list({}).length;
  const attempt = core.app.accounts.add(person(), { ...account('Wrong key', WRONG_KEY), connection: 'test' });
  await expect(attempt).rejects.toMatchObject({ kind: 'connection-test-failed', message: expect.stringMatching(/^The connection test failed, so nothing was saved: .*HTTP 401 code AP01/) });
  expect(core.accounts.findByName('Wrong key')).toBeNull();
  expect(core.audit.list({})).toHaveLength(before);
});

it('stores a failing key after "save anyway", and the audit log says it was saved anyway', async () => {
  const saved = await core.app.accounts.add(person(), { ...account('Saved anyway', WRONG_KEY), connection: 'save-anyway' });
  expect(await core.secrets.apiKey(saved.id)).toBe(WRONG_KEY);
  const [entry] = core.audit.list({ subject: `account:${saved.id}` });
  expect(entry).toMatchObject({ action: 'account.add', details: { connection: 'saved-anyway' } });
  expect(auditSentence(entry!)).toMatch(/saved anyway after a failed connection test/);
});

it('stores a key that works, with its test in the audit log', async () => {
  const key = (await core.providers.sandbox()).apiKey;
  const saved = await core.app.accounts.add(person(), { ...account('Works', key), connection: 'test' });
  expect(await core.secrets.apiKey(saved.id)).toBe(key);
  expect(core.audit.list({ subject: `account:${saved.id}` })[0]).toMatchObject({ details: { connection: 'tested' } });
});

it('tests a replaced key before it replaces the stored one, and keeps the old key when the new one fails', async () => {
  const key = (await core.providers.sandbox()).apiKey;
  const saved = await core.app.accounts.add(person(), { ...account('Replace', key), connection: 'test' });
  await core.app.vault.confirmPasscode(person(), TEST_PASSCODE);
  const edit = core.app.accounts.edit(person(), { id: saved.id, apiKey: WRONG_KEY, connection: 'test' });
  await expect(edit).rejects.toMatchObject({ kind: 'connection-test-failed' });
  expect(await core.secrets.apiKey(saved.id)).toBe(key);
});

it('keeps the CLI’s old way: without a connection choice the key is stored untested', async () => {
  const saved = await core.app.accounts.add(person('ann', 'cli'), account('Untested', WRONG_KEY));
  expect(await core.secrets.apiKey(saved.id)).toBe(WRONG_KEY);
  expect(core.audit.list({ subject: `account:${saved.id}` })[0]!.details).not.toHaveProperty('connection');
});
