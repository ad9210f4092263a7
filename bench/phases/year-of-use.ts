// A store after a year of use, as issue 18 sized it: 1,000 orders of 250 cards (250,000 cards, in custody as the
// trigger puts them) and 100,000 audit entries, written straight into the store in one transaction (through the app
// it would take minutes; the screens read the same rows either way).
import type { Db } from '../../main/core/store/open-database';

export const YEAR = { orders: 1_000, cardsPerOrder: 250, auditEntries: 100_000 } as const;
const DAY = 86_400_000;
const VALUES = [1000, 2500, 5000, 10000];

export function seedYearOfUse(db: Db, accountId: string, now: number): void {
  const order = db.prepare(
    `INSERT INTO orders (account_id, client_reference, state, quantity, face_value_cents, total_cents, currency, created_at, updated_at, settled_at)
     VALUES (?, ?, 'complete', ?, ?, ?, 'AUD', ?, ?, ?)`,
  );
  const line = db.prepare('INSERT INTO order_lines (order_id, line_no, sku, product_name, face_value_cents, quantity) VALUES (?, 1, ?, ?, ?, ?)');
  const card = db.prepare(
    `INSERT INTO cards (order_id, account_id, line_id, provider_key, number, pin, amount_cents, expiry, product_name, sku, raw, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'TESTSKU', ?, ?)`,
  );
  const event = db.prepare('INSERT INTO events (at, actor, action, subject, details, via, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    let n = 0;
    for (let o = 0; o < YEAR.orders; o++) {
      const at = now - (YEAR.orders - o) * (365 * DAY / YEAR.orders);
      const value = VALUES[o % VALUES.length]!;
      const q = YEAR.cardsPerOrder;
      const orderId = Number(order.run(accountId, `gd-year-${String(o).padStart(4, '0')}`, q, value, value * q, at, at, at).lastInsertRowid);
      const lineId = Number(line.run(orderId, 'TESTSKU', 'Test eGift Card', value, q).lastInsertRowid);
      for (let c = 0; c < q; c++, n++) {
        const number = `62${String(100_000_000_000 + n * 7919).padStart(14, '0')}`;
        const pin = String(100_000 + ((n * 48271) % 900_000));
        const expiry = n % 11 === 0 ? null : new Date(at + (365 + (n % 700)) * DAY).toISOString().slice(0, 10);
        card.run(orderId, accountId, lineId, number, number, pin, value, expiry, 'Test eGift Card', JSON.stringify({ cardNumber: number, cardPin: pin }), at + c);
      }
    }
    for (let i = 0; i < YEAR.auditEntries; i++) {
      const orderId = 1 + (i % YEAR.orders);
      const at = now - (YEAR.auditEntries - i) * 300_000;
      if (i % 7 === 0) event.run(at, 'desktop', 'sheet.print', `order:${orderId}`, JSON.stringify({ orderId, reference: `gd-year-${orderId}`, layout: 'a4-10', scratch: false, cards: 40, pages: 4, sent: true }), 'desktop', 'sam');
      else if (i % 3 === 0) event.run(at, 'engine', 'order.transition', `order:${orderId}`, JSON.stringify({ orderId, reference: `gd-year-${orderId}`, from: 'processing', to: 'fetching', event: 'ready', reason: null }), 'engine', 'sam');
      else event.run(at, 'desktop', 'lock.lock', 'app', JSON.stringify({ reason: 'idle' }), 'desktop', 'sam');
    }
  })();
}
