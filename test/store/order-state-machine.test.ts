import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { IllegalOrderTransition } from '../../main/core/errors';
import { openStore } from '../../main/core/store/open-store';
import { ORDER_EVENTS, ORDER_STATES, ORDER_TRANSITIONS, SETTLED_STATES } from '../../shared/order-state-machine';
import { addTestAccount, openCore, realKeychain, testVault } from '../support/core';
import { vaultAccess } from '../../main/core/create-core';
import { systemClock } from '../../main/core/clock';
import { moveOrderTo, pathTo } from '../support/order-states';
import { tempDir } from '../support/temp-dir';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const ENGINE = { via: 'engine', user: 'test' } as const;

describe('the order state machine, where the orders repository writes', () => {
  it('lands every (state, event) pair its table allows and refuses every other with IllegalOrderTransition, changing nothing', async () => {
    core = await openCore(path.join(tempDir(), 'data'), { sandbox: false });
    const account = addTestAccount(core);
    let allowed = 0;
    let refused = 0;
    for (const state of ORDER_STATES) {
      for (const event of ORDER_EVENTS) {
        const draft = core.orders.createDraft(
          { accountId: account.id, clientReference: `sm-${state}-${event}`, currency: 'AUD', lines: [{ sku: 'SKU', faceValueCents: 500, quantity: 2 }] },
          Date.now(),
        );
        moveOrderTo(core.orders, draft.id, state);
        const before = core.orders.get(draft.id);
        const history = () => core!.audit.list({ subject: `order:${draft.id}`, limit: 1000 });
        const logged = history();
        const next = ORDER_TRANSITIONS[state][event];
        const apply = () => core!.orders.transition(draft.id, event, { lastError: `after ${event}` }, ENGINE, Date.now() + 1);
        if (next) {
          allowed += 1;
          const after = apply();
          expect(after.state, `${state} + ${event}`).toBe(next);
          expect(core.orders.get(draft.id)).toMatchObject({ state: next, lastError: `after ${event}` });
          const added = history().slice(0, history().length - logged.length);
          if (next === state) {
            expect(added, `${state} + ${event} stays`).toEqual([]);
          } else {
            expect(added).toHaveLength(1);
            expect(added[0]).toMatchObject({ action: 'order.transition', actor: ENGINE, details: { orderId: draft.id, from: state, to: next, event } });
          }
        } else {
          refused += 1;
          expect(apply, `${state} + ${event}`).toThrow(IllegalOrderTransition);
          expect(core.orders.get(draft.id)).toEqual(before);
          expect(history()).toEqual(logged);
        }
      }
    }
    expect(allowed + refused).toBe(ORDER_STATES.length * ORDER_EVENTS.length);
    expect(allowed).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(50);
  });

  it('reaches every state from a draft, and leaves the engine nothing to do in a settled one but what a person asks', () => {
    for (const state of ORDER_STATES) expect(pathTo('draft', state), state).not.toBeNull();
    for (const state of SETTLED_STATES) {
      const events = Object.keys(ORDER_TRANSITIONS[state]);
      expect(events.every((e) => ['reversed', 'resume-send', 'resume-fetch'].includes(e)), state).toBe(true);
    }
  });

  it('names the same states and settled states as the shipped schema', async () => {
    const store = await openStore({ dataDir: path.join(tempDir(), 'data'), access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock) });
    try {
      const sql = (name: string) => store.db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(name)!.sql;
      const quoted = (text: string) => [...text.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
      const checked = quoted(/state\s+TEXT NOT NULL CHECK \(state IN \(([^)]*)\)\)/.exec(sql('orders'))![1]!);
      expect(checked.sort()).toEqual([...ORDER_STATES].sort());
      expect(quoted(sql('orders_unsettled')).sort()).toEqual([...SETTLED_STATES].sort());
    } finally {
      store.close();
    }
  });
});
