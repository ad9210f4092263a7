import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { vaultAccess } from '../../main/core/create-core';
import { MIGRATIONS } from '../../main/core/store/migrations';
import type { Migration } from '../../main/core/store/migrations/types';
import { openStore } from '../../main/core/store/open-store';
import { createCardsRepo } from '../../main/core/store/repos/cards';
import { createQuarantinedCardsRepo } from '../../main/core/store/repos/quarantined-cards';
import { realKeychain, testVault } from '../support/core';
import { fakeCards } from '../support/fake-cards';
import { tempDir } from '../support/temp-dir';

// A card is stored once per account, across its orders (issue 13, Deliver 3): in the store itself, so that no
// caller, engine or not, can put the same bearer card in two orders.

const open = (dataDir: string, migrations: readonly Migration[]) =>
  openStore({ dataDir, access: vaultAccess({ keychain: realKeychain, ...testVault() }, systemClock), migrations });

/** The migration that adds the check, wherever it ends up in the list. */
const CHECK = MIGRATIONS.findIndex((m) => m.name.startsWith('cards checked against their order'));

function seed(db: import('../../main/core/store/open-database').Db, accounts: string[]) {
  for (const id of accounts) {
    db.prepare(`INSERT INTO accounts (id, name, provider, base_url, currency, created_at) VALUES (?, ?, 'wpay', 'https://x.invalid', 'AUD', 0)`).run(id, id);
  }
  const order = db.prepare(`INSERT INTO orders (account_id, client_reference, state, quantity, total_cents, currency, created_at, updated_at)
                            VALUES (?, ?, 'complete', 3, 300, 'AUD', 0, 0)`);
  return (account: string, ref: string) => Number(order.run(account, ref).lastInsertRowid);
}

describe('a card stored once per account', () => {
  it('refuses a card another order of the account holds, keeps it in the new order’s quarantine naming the holder, and lets another account have it', async () => {
    const store = await open(path.join(tempDir(), 'd'), MIGRATIONS);
    try {
      const order = seed(store.db, ['a', 'b']);
      const [first, second, elsewhere] = [order('a', 'r1'), order('a', 'r2'), order('b', 'r3')];
      const cards = createCardsRepo(store.db);
      const quarantine = createQuarantinedCardsRepo(store.db);
      const batch = fakeCards(3, 1);
      expect(cards.insertMany(first, batch, 1)).toBe(3);
      // The same page again for the same order: nothing new, nothing quarantined.
      expect(cards.store(first, batch, 2)).toEqual({ added: 0, heldElsewhere: 0 });
      expect(cards.store(second, [...batch, ...fakeCards(1, 2)], 3)).toEqual({ added: 1, heldElsewhere: 3 });
      expect(cards.count(second)).toBe(1);
      expect(quarantine.list(second).map((c) => [c.number, c.pin, c.kind, c.otherOrderId])).toEqual(batch.map((c) => [c.number, c.pin, 'held-by-another-order', first]));
      expect(quarantine.claimedBy(first)).toEqual([{ orderId: second, cards: 3 }]);
      expect(cards.insertMany(elsewhere, batch, 4)).toBe(3);
    } finally {
      store.close();
    }
  });

  it('moves a card an older store holds in two orders of one account into the later order’s quarantine when it migrates, its custody kept with the card', async () => {
    const dataDir = path.join(tempDir(), 'd');
    const old = await open(dataDir, MIGRATIONS.slice(0, CHECK));
    const order = seed(old.db, ['a']);
    const [first, second] = [order('a', 'r1'), order('a', 'r2')];
    const put = old.db.prepare(`INSERT INTO cards (order_id, provider_key, number, pin, amount_cents, raw, stored_at) VALUES (?, ?, ?, '1234', 500, '{"x":1}', 0)`);
    put.run(first, '6280001', '6280001');
    put.run(first, '6280002', '6280002');
    put.run(second, '6280002', '6280002');
    put.run(second, '6280003', '6280003');
    // The later copy was handed out before the check existed: the bearer card is out, whichever copy is kept.
    const handout = Number(old.db.prepare(`INSERT INTO handouts (name, source, created_at) VALUES ('Staff party', 'count', 0)`).run().lastInsertRowid);
    const later = Number(old.db.prepare(`SELECT id FROM cards WHERE order_id = ? AND number = '6280002'`).pluck().get(second));
    old.db.prepare(`UPDATE card_custody SET state = 'issued', handout_id = ?, issued_to = 'Ann', issued_at = 7, changed_at = 7 WHERE card_id = ?`).run(handout, later);
    old.db.prepare(`INSERT INTO custody_events (card_id, at, event, from_state, to_state, handout_id, note) VALUES (?, 7, 'issue', 'reserved', 'issued', ?, 'Ann')`).run(later, handout);
    old.close();

    const store = await open(dataDir, MIGRATIONS);
    try {
      const cards = createCardsRepo(store.db);
      expect(cards.list(first).map((c) => c.number)).toEqual(['6280001', '6280002']);
      expect(cards.list(second).map((c) => c.number)).toEqual(['6280003']);
      expect(createQuarantinedCardsRepo(store.db).list(second)).toMatchObject([
        { number: '6280002', pin: '1234', raw: '{"x":1}', kind: 'held-by-another-order', otherOrderId: first, reason: `The same card is already stored in order ${first} of this account.` },
      ]);
      expect(() =>
        store.db.prepare(`INSERT INTO cards (order_id, account_id, provider_key, amount_cents, raw, stored_at) VALUES (?, 'a', '6280001', 500, '{}', 0)`).run(second),
      ).toThrow(/UNIQUE/);
      // The kept copy carries the custody on: issued to Ann in the hand-out, its history with it; the moved copy has none.
      const kept = cards.list(first).find((c) => c.number === '6280002')!.id;
      expect(store.db.prepare(`SELECT card_id, state, handout_id, issued_to FROM card_custody WHERE card_id IN (?, ?)`).all(kept, later)).toEqual([
        { card_id: kept, state: 'issued', handout_id: handout, issued_to: 'Ann' },
      ]);
      expect(store.db.prepare(`SELECT card_id, event, note FROM custody_events`).all()).toEqual([{ card_id: kept, event: 'issue', note: 'Ann' }]);
      // and the history is append-only again.
      expect(() => store.db.prepare(`UPDATE custody_events SET note = 'x'`).run()).toThrow(/append-only/);
    } finally {
      store.close();
    }
  });
});
