import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { createAutoLock } from '../../main/electron/auto-lock';
import { createStartGate } from '../../main/electron/start/start-gate';
import { storeOpened } from '../../main/electron/start/store-opened';
import { openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';

// What the desktop app does once the passcode has opened its store: unlock, and carry on the orders a quit left.

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('the desktop start, once the store is open', () => {
  it('carries an order left unfinished by the last run to its end, and unlocks', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const sandbox = { processing: { baseMs: 1500, perCardMs: 1 } };
    const first = await openCore(dataDir, { sandbox });
    const account = first.accounts.findByName('Sandbox (Wpay)')!;
    const placed = await first.app.orders.place(person('e2e'), { accountId: account.id, lines: [{ sku: 'WWQ651BHNWSH', faceValueCents: 500, quantity: 3 }], pollEverySeconds: 0.5 });
    // The app quits while the provider still processes it.
    await first.close();

    core = await openCore(dataDir, { sandbox });
    expect(core.orders.get(placed.id).state).not.toBe('complete');
    const autoLock = createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0, initialState: 'locked' });
    await storeOpened({ core, autoLock, start: createStartGate(), push: undefined });
    expect(autoLock.state).toBe('unlocked');
    expect((await core.engine.settled(placed.id)).state).toBe('complete');
    expect(core.cards.list(placed.id)).toHaveLength(3);
  });
});
