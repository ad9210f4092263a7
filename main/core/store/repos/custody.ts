import { CUSTODY_EVENT_WORDS, CUSTODY_LABELS, nextCustodyState, type CustodyEvent, type CustodyState } from '../../../../shared/custody-state-machine';
import { IllegalCustodyTransition, NotFoundError } from '../../errors';
import type { Db } from '../open-database';

interface CustodyRow {
  card_id: number;
  account_id: string;
  sku: string;
  amount_cents: number;
  expiry_date: string | null;
  state: CustodyState;
  handout_id: number | null;
  recipient_id: number | null;
  issued_to: string | null;
  issued_at: number | null;
  void_reason: string | null;
  changed_at: number;
  printed_exported_at: number | null;
}

/** Where a card is: its state, the hand-out it is part of, who got it and when. */
export interface Custody {
  cardId: number;
  accountId: string;
  sku: string;
  amountCents: number;
  expiryDate: string | null;
  state: CustodyState;
  handoutId: number | null;
  recipientId: number | null;
  issuedTo: string | null;
  issuedAt: number | null;
  voidReason: string | null;
  changedAt: number;
  /** A sheet or card file of it was made outside a hand-out then: held back from hand-outs until a person decides. */
  printedExportedAt: number | null;
}

/** One line of the card's history. */
export interface CustodyHistoryEntry {
  at: number;
  event: CustodyEvent;
  from: CustodyState;
  to: CustodyState;
  handoutId: number | null;
  auditId: number | null;
  note: string | null;
}

/** What changes with a move besides the state, and what the history line records. */
export interface CustodyMove {
  handoutId?: number | null;
  recipientId?: number | null;
  issuedTo?: string | null;
  issuedAt?: number | null;
  voidReason?: string | null;
  /** The audit entry of the act the move belongs to. */
  auditId: number | null;
  note?: string | null;
}

/** Whose "printed/exported before" flag to clear: an order's cards, cards by id, or a stock line's cards in stock. */
export type ReleaseTarget = { orderId: number } | { cardIds: readonly number[] } | { line: { accountId: string; sku: string; amountCents: number } };

/** Stock of one product and face value of one account, in one state. */
export interface StockRow {
  accountId: string;
  sku: string;
  amountCents: number;
  state: CustodyState;
  cards: number;
  /** In stock and flagged printed/exported before: not offered to hand-outs. */
  heldBack: number;
  /** In stock and expiring by each horizon's date (inclusive). */
  expiring: number[];
  /** A card of the group, to name its product. */
  sampleCardId: number;
}

const toCustody = (r: CustodyRow): Custody => ({
  cardId: r.card_id,
  accountId: r.account_id,
  sku: r.sku,
  amountCents: r.amount_cents,
  expiryDate: r.expiry_date,
  state: r.state,
  handoutId: r.handout_id,
  recipientId: r.recipient_id,
  issuedTo: r.issued_to,
  issuedAt: r.issued_at,
  voidReason: r.void_reason,
  changedAt: r.changed_at,
  printedExportedAt: r.printed_exported_at,
});

/**
 * Each card's custody. Its state changes only through `move`, which enforces the custody state machine
 * (shared/custody-state-machine.ts) and writes the card's history line with it; callers run it in the transaction
 * that writes the act's audit entry. A move the table does not allow throws IllegalCustodyTransition.
 */
export function createCustodyRepo(db: Db) {
  const byCard = db.prepare<[number], CustodyRow>('SELECT * FROM card_custody WHERE card_id = ?');
  const update = db.prepare(
    `UPDATE card_custody SET state = @state, handout_id = @handoutId, recipient_id = @recipientId, issued_to = @issuedTo,
       issued_at = @issuedAt, void_reason = @voidReason, changed_at = @now WHERE card_id = @cardId AND state = @from`,
  );
  const historyLine = db.prepare(
    'INSERT INTO custody_events (card_id, at, event, from_state, to_state, handout_id, audit_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const historyOf = db.prepare<[number], { at: number; event: CustodyEvent; from_state: CustodyState; to_state: CustodyState; handout_id: number | null; audit_id: number | null; note: string | null }>(
    'SELECT at, event, from_state, to_state, handout_id, audit_id, note FROM custody_events WHERE card_id = ? ORDER BY id',
  );
  // Those that expire first first, then those without an expiry: two walks of the stock index, in its order.
  const takeableSql = `SELECT card_id FROM card_custody
     WHERE account_id = ? AND sku = ? AND amount_cents = ? AND state = 'in-stock' AND printed_exported_at IS NULL`;
  const expiringIds = db.prepare<[string, string, number, number], { card_id: number }>(`${takeableSql} AND expiry_date IS NOT NULL ORDER BY expiry_date, card_id LIMIT ?`);
  const noExpiryIds = db.prepare<[string, string, number, number], { card_id: number }>(`${takeableSql} AND expiry_date IS NULL ORDER BY card_id LIMIT ?`);
  const holders = db.prepare<[string, number], { account_id: string; cards: number }>(
    `SELECT account_id, count(*) AS cards FROM card_custody
     WHERE sku = ? AND amount_cents = ? AND state = 'in-stock' AND printed_exported_at IS NULL GROUP BY account_id`,
  );
  const stockCounts = db.prepare<[], { account_id: string; sku: string; amount_cents: number; state: CustodyState; cards: number; sample: number }>(
    `SELECT account_id, sku, amount_cents, state, count(*) AS cards, min(card_id) AS sample FROM card_custody GROUP BY account_id, sku, amount_cents, state`,
  );
  const heldBack = db.prepare<[], { account_id: string; sku: string; amount_cents: number; n: number }>(
    `SELECT account_id, sku, amount_cents, count(*) AS n FROM card_custody
     WHERE state = 'in-stock' AND printed_exported_at IS NOT NULL GROUP BY account_id, sku, amount_cents`,
  );
  const ofHandout = db.prepare<[number], CustodyRow>('SELECT * FROM card_custody WHERE handout_id = ? ORDER BY card_id');
  const reservedOf = db.prepare<[number], { card_id: number }>(`SELECT card_id FROM card_custody WHERE handout_id = ? AND state = 'reserved' ORDER BY card_id`);
  const ofOrder = db.prepare<[number], { card_id: number }>(
    `SELECT k.card_id FROM card_custody k JOIN cards c ON c.id = k.card_id WHERE c.order_id = ? AND k.state <> 'cancelled'`,
  );
  const flagOrder = db.prepare(`UPDATE card_custody SET printed_exported_at = ? WHERE card_id IN (SELECT id FROM cards WHERE order_id = ?) AND state = 'in-stock'`);
  const releaseCard = db.prepare(`UPDATE card_custody SET printed_exported_at = NULL WHERE card_id = ? AND printed_exported_at IS NOT NULL`);
  const releaseLine = db.prepare(
    `UPDATE card_custody SET printed_exported_at = NULL WHERE account_id = ? AND sku = ? AND amount_cents = ? AND state = 'in-stock' AND printed_exported_at IS NOT NULL`,
  );
  const releaseOrder = db.prepare(`UPDATE card_custody SET printed_exported_at = NULL WHERE card_id IN (SELECT id FROM cards WHERE order_id = ?) AND printed_exported_at IS NOT NULL`);
  const byScan = db.prepare<[string], { id: number }>(`SELECT id FROM cards WHERE coalesce(nullif(barcode, ''), nullif(number, '')) = ?`);
  const byLast4 = db.prepare<[string, string], { id: number }>(`SELECT id FROM cards WHERE number_last4 = ? AND number LIKE ?`);
  const byShortSuffix = db.prepare<[number, string], { id: number }>(
    `SELECT c.id FROM card_custody k JOIN cards c ON c.id = k.card_id WHERE k.handout_id = ? AND c.number LIKE ?`,
  );
  // Many cards taken into one hand-out at once: one statement over a JSON list of [card id, recipient id] pairs, each
  // row written only from the state the table allows the event from (see reserveMany).
  const reserveRows = db.prepare(
    `UPDATE card_custody SET state = @to, handout_id = @handoutId, recipient_id = json_extract(j.value, '$[1]'), changed_at = @now
     FROM json_each(@items) AS j WHERE card_custody.card_id = json_extract(j.value, '$[0]') AND card_custody.state = @from`,
  );
  const reserveHistory = db.prepare(
    `INSERT INTO custody_events (card_id, at, event, from_state, to_state, handout_id, audit_id, note)
     SELECT json_extract(j.value, '$[0]'), @now, 'reserve', @from, @to, @handoutId, @auditId, NULL FROM json_each(@items) AS j`,
  );
  const returnedFrom = db.prepare<[number], { n: number }>(
    `SELECT count(DISTINCT card_id) AS n FROM custody_events WHERE handout_id = ? AND event = 'return'`,
  );

  const repo = {
    get(cardId: number): Custody {
      const row = byCard.get(cardId);
      if (!row) throw new NotFoundError(`No card with id ${cardId}.`);
      return toCustody(row);
    },
    find(cardId: number): Custody | null {
      const row = byCard.get(cardId);
      return row ? toCustody(row) : null;
    },
    /**
     * Applies an event of the state machine to one card and writes its history line. An event the table does not
     * allow in the card's state throws IllegalCustodyTransition and writes nothing.
     */
    move(cardId: number, event: CustodyEvent, change: CustodyMove, now: number): Custody {
      const before = repo.get(cardId);
      const to = nextCustodyState(before.state, event);
      if (to === null) {
        throw new IllegalCustodyTransition(cardId, before.state, event, `Card ${cardId} is ${CUSTODY_LABELS[before.state]}: it cannot be ${CUSTODY_EVENT_WORDS[event]}. Nothing was changed.`);
      }
      const pick = <T>(changed: T | undefined, current: T): T => (changed === undefined ? current : changed);
      const after = {
        cardId,
        from: before.state,
        state: to,
        handoutId: pick(change.handoutId, before.handoutId),
        recipientId: pick(change.recipientId, before.recipientId),
        issuedTo: pick(change.issuedTo, before.issuedTo),
        issuedAt: pick(change.issuedAt, before.issuedAt),
        voidReason: pick(change.voidReason, before.voidReason),
        now,
      };
      if (update.run(after).changes !== 1) throw new NotFoundError(`Card ${cardId} changed while it was being written.`);
      historyLine.run(cardId, now, event, before.state, to, after.handoutId ?? before.handoutId, change.auditId, change.note ?? null);
      const { from: _from, now: _now, ...written } = after;
      return { ...before, ...written, changedAt: now };
    },
    /**
     * Takes cards into a hand-out, each with its recipient (or none), and writes their history lines: the `reserve`
     * event of the state machine applied to many rows in two statements. Only cards in the state the event is
     * allowed from are written; when any other is among them, IllegalCustodyTransition is thrown, and the caller's
     * transaction undoes the lot.
     */
    reserveMany(items: readonly { cardId: number; recipientId: number | null }[], handoutId: number, auditId: number, now: number): void {
      const from: CustodyState = 'in-stock';
      const to = nextCustodyState(from, 'reserve')!;
      const params = { items: JSON.stringify(items.map((i) => [i.cardId, i.recipientId])), from, to, handoutId, auditId, now };
      const written = reserveRows.run(params).changes;
      if (written !== items.length) {
        const stuck = items.map((i) => repo.get(i.cardId)).find((c) => c.state !== from && c.handoutId !== handoutId);
        const what = stuck ? `Card ${stuck.cardId} is ${CUSTODY_LABELS[stuck.state]}` : 'A card was taken twice';
        throw new IllegalCustodyTransition(stuck?.cardId ?? 0, stuck?.state ?? from, 'reserve', `${what}: it cannot be ${CUSTODY_EVENT_WORDS.reserve}. Nothing was changed.`);
      }
      reserveHistory.run(params);
    },
    history(cardId: number): CustodyHistoryEntry[] {
      return historyOf.all(cardId).map((r) => ({ at: r.at, event: r.event, from: r.from_state, to: r.to_state, handoutId: r.handout_id, auditId: r.audit_id, note: r.note }));
    },
    /** In-stock cards of one product and value that may go into a hand-out, those that expire first first (no expiry last). */
    takeable(accountId: string, sku: string, amountCents: number, limit: number): number[] {
      const first = expiringIds.all(accountId, sku, amountCents, limit).map((r) => r.card_id);
      if (first.length >= limit) return first;
      return [...first, ...noExpiryIds.all(accountId, sku, amountCents, limit - first.length).map((r) => r.card_id)];
    },
    /** The accounts holding takeable cards of this product and value, with how many each. */
    holders(sku: string, amountCents: number): { accountId: string; cards: number }[] {
      return holders.all(sku, amountCents).map((r) => ({ accountId: r.account_id, cards: r.cards }));
    },
    /** Counts per account × product × face value × state; `horizons` are the dates (YYYY-MM-DD) to count expiring stock by. */
    stock(horizons: readonly string[]): StockRow[] {
      const key = (r: { account_id: string; sku: string; amount_cents: number }) => `${r.account_id}\u0000${r.sku}\u0000${r.amount_cents}`;
      const held = new Map(heldBack.all().map((r) => [key(r), r.n]));
      const expiring = new Map<string, number[]>();
      if (horizons.length > 0) {
        const sums = horizons.map((_, i) => `sum(expiry_date <= @h${i}) AS e${i}`).join(', ');
        const rows = db
          .prepare<Record<string, string>, Record<string, unknown> & { account_id: string; sku: string; amount_cents: number }>(
            `SELECT account_id, sku, amount_cents, ${sums} FROM card_custody
             WHERE state = 'in-stock' AND expiry_date IS NOT NULL AND expiry_date <= @last GROUP BY account_id, sku, amount_cents`,
          )
          .all({ ...Object.fromEntries(horizons.map((h, i) => [`h${i}`, h])), last: [...horizons].sort().at(-1)! });
        for (const r of rows) expiring.set(key(r), horizons.map((_, i) => (r[`e${i}`] as number | null) ?? 0));
      }
      return stockCounts.all().map((r) => {
        const inStock = r.state === 'in-stock';
        return {
          accountId: r.account_id,
          sku: r.sku,
          amountCents: r.amount_cents,
          state: r.state,
          cards: r.cards,
          heldBack: inStock ? (held.get(key(r)) ?? 0) : 0,
          expiring: inStock ? (expiring.get(key(r)) ?? horizons.map(() => 0)) : horizons.map(() => 0),
          sampleCardId: r.sample,
        };
      });
    },
    ofHandout(handoutId: number): Custody[] {
      return ofHandout.all(handoutId).map(toCustody);
    },
    reservedOf(handoutId: number): number[] {
      return reservedOf.all(handoutId).map((r) => r.card_id);
    },
    /** How many cards went back to stock from the hand-out. */
    returnedFrom(handoutId: number): number {
      return returnedFrom.get(handoutId)!.n;
    },
    /** Every card of a reversed or cancelled order becomes cancelled, each with its history line. */
    cancelOrder(orderId: number, auditId: number, now: number): number {
      const cards = ofOrder.all(orderId);
      for (const c of cards) repo.move(c.card_id, 'cancel', { auditId, note: `order ${orderId} cancelled` }, now);
      return cards.length;
    },
    /** A sheet or card file of the order's cards was made outside a hand-out: its cards in stock are held back. */
    flagOrder(orderId: number, now: number): void {
      flagOrder.run(now, orderId);
    },
    /** Clears the flag (a person checked the earlier copies); returns how many cards it was on. */
    release(target: ReleaseTarget): number {
      if ('orderId' in target) return releaseOrder.run(target.orderId).changes;
      if ('line' in target) return releaseLine.run(target.line.accountId, target.line.sku, target.line.amountCents).changes;
      return target.cardIds.reduce((n, id) => n + releaseCard.run(id).changes, 0);
    },
    /** The cards whose printed barcode is this value (a scanner types it): normally one. */
    byScanValue(value: string): number[] {
      return byScan.all(value).map((r) => r.id);
    },
    /** Cards whose number ends in these digits: of one hand-out for 2–3 digits, of the store (by the index) for 4 or more. */
    byLastDigits(digits: string, handoutId: number): number[] {
      if (digits.length >= 4) return byLast4.all(digits.slice(-4), `%${digits}`).map((r) => r.id);
      return byShortSuffix.all(handoutId, `%${digits}`).map((r) => r.id);
    },
  };
  return repo;
}

export type CustodyRepo = ReturnType<typeof createCustodyRepo>;
