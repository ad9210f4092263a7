import type { NewQuarantinedCard, QuarantineKind, QuarantinedCard } from '../../../../shared/domain';
import { toCard, writeLabels, type CardRow } from './cards';
import type { Db } from '../open-database';

/** A quarantined card's row: a card's columns (it belongs to no order line), and why it is kept apart. */
interface Row extends Omit<CardRow, 'line_id'> {
  kind: QuarantineKind;
  reason: string;
  other_order_id: number | null;
}

function toQuarantined(r: Row): QuarantinedCard {
  return {
    ...toCard({ ...r, line_id: null }),
    kind: r.kind,
    reason: r.reason,
    otherOrderId: r.other_order_id,
  };
}

/** What an order's quarantine holds, grouped for a sentence: how many cards of each kind, value and product. */
export interface QuarantineGroup {
  kind: QuarantineKind;
  amountCents: number;
  sku: string | null;
  otherOrderId: number | null;
  cards: number;
}

/**
 * Cards kept apart from the order they came with. Never counted as the order's cards, never listed with them;
 * readable whole, so that they can be shown and exported for the conversation with the provider.
 */
export function createQuarantinedCardsRepo(db: Db) {
  // The same card quarantined again for the same reason (a page fetched twice) is kept once.
  const insert = db.prepare(
    `INSERT INTO quarantined_cards (order_id, provider_key, number, pin, activation_code, barcode, barcode_format, labels, url,
                                    amount_cents, expiry, product_name, sku, raw, stored_at, kind, reason, other_order_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (order_id, provider_key, kind) DO NOTHING`,
  );
  const ofOrder = db.prepare<[number], Row>('SELECT * FROM quarantined_cards WHERE order_id = ? ORDER BY id');
  const countOf = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM quarantined_cards WHERE order_id = ?');
  const groups = db.prepare<[number], { kind: QuarantineKind; amount_cents: number; sku: string | null; other_order_id: number | null; n: number }>(
    `SELECT kind, amount_cents, sku, other_order_id, count(*) AS n FROM quarantined_cards WHERE order_id = ?
      GROUP BY kind, amount_cents, sku, other_order_id ORDER BY min(id)`,
  );
  const claimedFrom = db.prepare<[number], { order_id: number; n: number }>(
    'SELECT order_id, count(*) AS n FROM quarantined_cards WHERE other_order_id = ? GROUP BY order_id ORDER BY order_id',
  );

  return {
    /** Keeps the cards; returns how many were new. Runs inside the caller's transaction when there is one. */
    add(orderId: number, cards: readonly (NewQuarantinedCard & { otherOrderId?: number | null })[], now: number): number {
      let added = 0;
      for (const c of cards) {
        added += insert.run(orderId, c.providerKey, c.number, c.pin, c.activationCode, c.barcode, c.barcodeFormat, writeLabels(c.labels), c.url, c.amountCents, c.expiry, c.productName, c.sku, c.raw, now, c.kind, c.reason, c.otherOrderId ?? null).changes;
      }
      return added;
    },
    list(orderId: number): QuarantinedCard[] {
      return ofOrder.all(orderId).map(toQuarantined);
    },
    count(orderId: number): number {
      return countOf.get(orderId)!.n;
    },
    groups(orderId: number): QuarantineGroup[] {
      return groups.all(orderId).map((g) => ({ kind: g.kind, amountCents: g.amount_cents, sku: g.sku, otherOrderId: g.other_order_id, cards: g.n }));
    },
    /** Orders that received cards this order already holds: the flag on the order that had them first. */
    claimedBy(orderId: number): { orderId: number; cards: number }[] {
      return claimedFrom.all(orderId).map((r) => ({ orderId: r.order_id, cards: r.n }));
    },
  };
}

export type QuarantinedCardsRepo = ReturnType<typeof createQuarantinedCardsRepo>;
