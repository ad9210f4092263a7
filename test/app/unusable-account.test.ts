import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { addTestAccount, openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';

// An account that cannot reach its provider (here: no API key in the keychain) is the one path on which the engine
// changes an order's state without a provider's answer. Those changes are recorded like every other.

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const line = { sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 2 };

it('fails an order nothing was sent for, and records that change with its reason', async () => {
  core = await openCore(path.join(tempDir(), 'data'), { sandbox: false });
  const account = addTestAccount(core);
  const placed = await core.app.orders.place(person('ann'), { accountId: account.id, lines: [line], reference: 'no-key-1' });
  const settled = await core.engine.settled(placed.id);
  expect(settled).toMatchObject({ state: 'failed', submitAttempts: 0, stateReason: expect.stringMatching(/^Nothing was sent: .*no API key/) });
  const history = core.audit.list({ subject: `order:${placed.id}` });
  expect(history.map((e) => e.action)).toEqual(['order.transition', 'order.place']);
  expect(history[0]).toMatchObject({ actor: { via: 'engine' }, details: { from: 'draft', to: 'failed', event: 'refused', reason: settled.stateReason } });
});

it('hands an order that may have been sent to a person, and records that change too', async () => {
  const dataDir = path.join(tempDir(), 'data');
  core = await openCore(dataDir, { sandbox: false });
  const account = addTestAccount(core);
  // An order a crash left just after its submit went out, before anyone heard back.
  const draft = core.orders.createDraft({ accountId: account.id, clientReference: 'no-key-2', currency: 'AUD', lines: [line] }, Date.now());
  core.orders.transition(draft.id, 'send', { submitAttempts: 1 }, { via: 'engine', user: 'test' }, Date.now());
  await core.close();

  core = await openCore(dataDir, { sandbox: false });
  core.engine.resumeAll();
  const settled = await core.engine.settled(draft.id);
  expect(settled).toMatchObject({ state: 'needs-attention', stateReason: expect.stringMatching(/^The account cannot be used right now/) });
  expect(core.audit.list({ subject: `order:${draft.id}` })[0]).toMatchObject({
    action: 'order.transition',
    details: { from: 'submitting', to: 'needs-attention', event: 'stuck' },
  });
});

it('gives an account it cannot ask (no key, or a switched-off sandbox) a note for its balance, not an error', async () => {
  core = await openCore(path.join(tempDir(), 'data'), { sandbox: false });
  const noKey = addTestAccount(core);
  const sandbox = core.accounts.findByName('Sandbox (Wpay)')!;
  expect(await core.app.accounts.balance(person('ann'), noKey.id)).toMatchObject({ balance: null, failed: true, note: expect.stringMatching(/^No balance: .*no API key/) });
  expect(await core.app.accounts.balance(person('ann'), sandbox.id)).toMatchObject({
    balance: null,
    failed: true,
    note: 'No balance: The built-in sandbox is switched off in this setup, so its accounts cannot be used.',
  });
});
