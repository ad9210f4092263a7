import type { CardSort, SortDirection } from '../../../../shared/card-sort';
import type { BarcodeFormat, Card, CardLabels, NewCard } from '../../../../shared/domain';
import type { Db } from '../open-database';
import { createQuarantinedCardsRepo } from './quarantined-cards';

export interface CardRow {
  id: number;
  order_id: number;
  line_id: number | null;
  provider_key: string;
  number: string | null;
  pin: string | null;
  activation_code: string | null;
  barcode: string | null;
  barcode_format: BarcodeFormat | null;
  labels: string | null;
  url: string | null;
  amount_cents: number;
  expiry: string | null;
  product_name: string | null;
  sku: string | null;
  raw: string;
  stored_at: number;
}

const COLUMNS = `id, order_id, line_id, provider_key, number, pin, activation_code, barcode, barcode_format, labels, url,
                 amount_cents, expiry, product_name, sku, raw, stored_at`;

/** A card row as the domain's card (the quarantine's rows read through it too). */
export function toCard(r: CardRow): Card {
  return {
    id: r.id,
    orderId: r.order_id,
    lineId: r.line_id,
    providerKey: r.provider_key,
    number: r.number,
    pin: r.pin,
    activationCode: r.activation_code,
    barcode: r.barcode,
    barcodeFormat: r.barcode_format,
    labels: readLabels(r.labels),
    url: r.url,
    amountCents: r.amount_cents,
    expiry: r.expiry,
    productName: r.product_name,
    sku: r.sku,
    raw: r.raw,
    storedAt: r.stored_at,
  };
}

export interface CardSearch {
  orderId?: number;
  /** Matches the whole number, or its last digits when 2–8 digits are given. */
  number?: string;
  amountCents?: number;
  /** Custody: cards in this state, of this hand-out, or given (or going) to a recipient whose name holds these words. */
  custodyState?: string;
  handoutId?: number;
  recipient?: string;
  /** The order of the cards: by date stored (the default), value or expiry; newest, highest or latest first by default. */
  sort?: CardSort;
  direction?: SortDirection;
  /** The card the page starts after, in that order (keyset: a page deep in 250,000 cards costs what the first does). */
  afterId?: number;
  limit?: number;
}

/** Each order's key, spelled exactly as its index (migration 009) is, or the index is not used; the id breaks ties. */
export const SORT_KEY: Record<CardSort, string> = {
  date: 'stored_at',
  value: 'amount_cents',
  expiry: "coalesce(CASE WHEN expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(expiry, 1, 10) END, '9999-12-31')",
};

export function createCardsRepo(db: Db) {
  // A card is stored once per account: the same card again for this order (a page fetched twice) is left as it is; the
  // same card for another order is refused there and kept in that order's quarantine, naming the order that holds it.
  const insert = db.prepare(
    `INSERT INTO cards (order_id, account_id, line_id, provider_key, number, pin, activation_code, barcode, barcode_format,
                        labels, url, amount_cents, expiry, product_name, sku, raw, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const accountOf = db.prepare<[number], { account_id: string }>('SELECT account_id FROM orders WHERE id = ?');
  const holder = db.prepare<[string, string], { order_id: number }>('SELECT order_id FROM cards WHERE account_id = ? AND provider_key = ?');
  const quarantine = createQuarantinedCardsRepo(db);
  const countFor = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM cards WHERE order_id = ?');
  const countEvery = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards');
  const perLine = db.prepare<[number], { line_id: number | null; n: number }>('SELECT line_id, count(*) AS n FROM cards WHERE order_id = ? GROUP BY line_id');
  const byOrder = db.prepare<[number, number, number], CardRow>(
    `SELECT ${COLUMNS} FROM cards WHERE order_id = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const byId = db.prepare<[number], CardRow>(`SELECT ${COLUMNS} FROM cards WHERE id = ?`);

  const insertAll = db.transaction((orderId: number, cards: readonly NewCard[], now: number): StoredBatch => {
    const accountId = accountOf.get(orderId)?.account_id;
    if (accountId === undefined) throw new Error(`No order with id ${orderId} to store cards for.`);
    let added = 0;
    let heldElsewhere = 0;
    // Positional parameters: binding by name costs a fifth of the insert time at 25,000 cards.
    for (const c of cards) {
      const n = insert.run(orderId, accountId, c.lineId, c.providerKey, c.number, c.pin, c.activationCode, c.barcode, c.barcodeFormat, writeLabels(c.labels), c.url, c.amountCents, c.expiry, c.productName, c.sku, c.raw, now).changes;
      added += n;
      if (n > 0) continue;
      const other = holder.get(accountId, c.providerKey)?.order_id;
      if (other === undefined || other === orderId) continue;
      heldElsewhere += quarantine.add(orderId, [{ ...c, kind: 'held-by-another-order', reason: `The same card is already stored in order ${other} of this account.`, otherOrderId: other }], now);
    }
    return { added, heldElsewhere };
  });

  return {
    /** Stores a page of cards in one transaction (inside the caller's, when there is one). */
    store(orderId: number, cards: readonly NewCard[], now: number): StoredBatch {
      return db.inTransaction ? insertAll(orderId, cards, now) : insertAll.immediate(orderId, cards, now);
    },
    /** Stores a page of cards in one transaction; returns how many were new. */
    insertMany(orderId: number, cards: readonly NewCard[], now: number): number {
      return insertAll.immediate(orderId, cards, now).added;
    },
    count(orderId: number): number {
      return countFor.get(orderId)!.n;
    },
    countAll(): number {
      return countEvery.get()!.n;
    },
    /** How many of an order's cards each line holds (null: cards no line claimed). Reads the index, not the cards. */
    countByLine(orderId: number): Map<number | null, number> {
      return new Map(perLine.all(orderId).map((r) => [r.line_id, r.n] as const));
    },
    get(id: number): Card | null {
      const row = byId.get(id);
      return row ? toCard(row) : null;
    },
    /** All of an order's cards, in pages, so a 25,000-card order is never held twice in memory. */
    *iterate(orderId: number, pageSize = 1000): Generator<Card> {
      let after = 0;
      for (;;) {
        const rows = byOrder.all(orderId, after, pageSize);
        for (const r of rows) yield toCard(r);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },
    list(orderId: number): Card[] {
      return byOrder.all(orderId, 0, Number.MAX_SAFE_INTEGER).map(toCard);
    },
    search(q: CardSearch): Card[] {
      const where: string[] = [];
      const digits = q.number?.replace(/\s+/g, '');
      const key = SORT_KEY[q.sort ?? 'date'];
      const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
      if (q.afterId !== undefined) where.push(`(${key}, id) ${dir === 'ASC' ? '>' : '<'} (SELECT ${key}, id FROM cards WHERE id = @afterId)`);
      if (q.orderId !== undefined) where.push('order_id = @orderId');
      if (q.amountCents !== undefined) where.push('amount_cents = @amountCents');
      if (q.custodyState !== undefined) where.push('id IN (SELECT card_id FROM card_custody WHERE state = @custodyState)');
      if (q.handoutId !== undefined) where.push('id IN (SELECT card_id FROM card_custody WHERE handout_id = @handoutId)');
      if (q.recipient) {
        where.push(`id IN (SELECT k.card_id FROM card_custody k LEFT JOIN handout_recipients r ON r.id = k.recipient_id
                           WHERE k.issued_to LIKE @recipient ESCAPE '\\' OR r.name LIKE @recipient ESCAPE '\\')`);
      }
      if (digits) {
        if (digits.length >= 4) where.push('number_last4 = @last4');
        if (digits.length > 4) where.push(digits.length < 9 ? 'number LIKE @suffix' : 'number = @digits');
        if (digits.length < 4) where.push('number LIKE @suffix');
      }
      const rows = db
        .prepare<Record<string, unknown>, CardRow>(
          `SELECT ${COLUMNS} FROM cards ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${key} ${dir}, id ${dir} LIMIT @limit`,
        )
        .all(
          definedOnly({
            orderId: q.orderId,
            amountCents: q.amountCents,
            custodyState: q.custodyState,
            handoutId: q.handoutId,
            recipient: q.recipient ? `%${q.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
            digits,
            last4: digits?.slice(-4),
            suffix: digits ? `%${digits}` : undefined,
            afterId: q.afterId,
            limit: q.limit ?? 500,
          }),
        );
      return rows.map(toCard);
    },
  };
}

export type CardsRepo = ReturnType<typeof createCardsRepo>;

/** What storing a batch did: cards new to the order, and cards refused because another order of the account holds them. */
export interface StoredBatch {
  added: number;
  heldElsewhere: number;
}

/** better-sqlite3 refuses undefined for a named parameter; the query only names the ones that are set. */
function definedOnly(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** Labels are kept as JSON; none (or an empty set) as NULL. */
export function writeLabels(labels: CardLabels | null): string | null {
  return labels && Object.keys(labels).length > 0 ? JSON.stringify(labels) : null;
}

export function readLabels(text: string | null): CardLabels | null {
  return text === null ? null : (JSON.parse(text) as CardLabels);
}
