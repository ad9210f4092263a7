import path from 'node:path';
import { expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { vaultAccess } from '../../main/core/create-core';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { openStore } from '../../main/core/store/open-store';
import { createAuditLog } from '../../main/core/store/repos/audit';
import { createCardsRepo } from '../../main/core/store/repos/cards';
import { createEngineLeaseRepo, type LeaseHolder } from '../../main/core/store/repos/engine-lease';
import { createOrdersRepo } from '../../main/core/store/repos/orders';
import { createCardWriter, sourceCardWriterEntry } from '../../main/core/store/writer/card-writer';
import { realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { tempDir } from '../support/temp-dir';

// Fencing in the store itself (issue 13, Deliver 6): a write made under a lease that another process has since taken
// over is refused in its own transaction, on the main thread's connection and on the card writer's alike.

const holder = (name: string): LeaseHolder => ({ holder: name, pid: 1, host: 'here', label: name, expiresAt: Date.now() + 60_000 });

it('refuses the cards and the order changes of a lease that was taken over, and takes those of the current one', async () => {
  const store = await openStore({ dataDir: path.join(tempDir(), 'd'), access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock), migrations: MIGRATIONS });
  const writer = createCardWriter(store.connection, sourceCardWriterEntry());
  try {
    store.db.prepare(`INSERT INTO accounts (id, name, provider, base_url, currency, created_at) VALUES ('a', 'a', 'wpay', 'https://x.invalid', 'AUD', 0)`).run();
    const orders = createOrdersRepo(store.db, createAuditLog(store.db, Date.now));
    const cards = createCardsRepo(store.db);
    const lease = createEngineLeaseRepo(store.db);
    const order = orders.createDraft({ accountId: 'a', clientReference: 'gd-fence', currency: 'AUD', lines: [{ sku: 'WW', faceValueCents: 500, quantity: 6 }] }, 1);
    const batch = (lease: string | null, seed: number) => ({ orderId: order.id, cards: fakeCards(3, seed), quarantined: [], page: null, now: 2, lease });

    lease.takeIf(holder('first'), () => true);
    expect(await writer.write(batch('first', 1))).toMatchObject({ added: 3 });
    lease.takeIf(holder('second'), () => true);

    // The first process, stalled past its lease, wakes up: nothing of what it writes lands.
    await expect(writer.write(batch('first', 2))).rejects.toMatchObject({ kind: 'lease-lost' });
    await expect(writer.write(batch(null, 2))).rejects.toMatchObject({ kind: 'lease-lost' });
    expect(() => lease.fenced('first', () => orders.note(order.id, { lastError: 'timeout', nextPollAt: 99 }, 3))).toThrow(/no longer drives the orders/);
    expect(cards.count(order.id)).toBe(3);
    expect(orders.get(order.id)).toMatchObject({ lastError: null, nextPollAt: null });

    // The current holder's writes go through.
    expect(await writer.write(batch('second', 2))).toMatchObject({ added: 3 });
    lease.fenced('second', () => orders.note(order.id, { lastError: 'timeout', nextPollAt: 99 }, 3));
    expect(orders.get(order.id)).toMatchObject({ lastError: 'timeout', nextPollAt: 99 });
  } finally {
    await writer.close();
    store.close();
  }
});
