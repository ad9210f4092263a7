import type { Order, OrderLine, OrderState } from '../../../../shared/domain';
import { nextOrderState, SETTLED_STATES, type OrderEvent } from '../../../../shared/order-state-machine';
import type { Actor } from '../../audit/vocabulary';
import { IllegalOrderTransition, NotFoundError } from '../../errors';
import type { Db } from '../open-database';
import type { AuditLog } from './audit';

interface OrderRow {
  id: number;
  account_id: string;
  client_reference: string;
  provider_order_id: string | null;
  state: OrderState;
  state_reason: string | null;
  quantity: number;
  total_cents: number;
  currency: string;
  created_at: number;
  updated_at: number;
  last_error: string | null;
  next_poll_at: number | null;
  realtime: number;
  submit_attempts: number;
  poll_every_seconds: number | null;
  provider_total_cards: number | null;
  percent_complete: number | null;
  provider_status: string | null;
  cancel_allowed: number | null;
  cancel_within_minutes: number | null;
  accepted_at: number | null;
  settled_at: number | null;
  name: string | null;
  memo: string | null;
}

interface LineRow {
  id: number;
  order_id: number;
  line_no: number;
  sku: string;
  product_name: string | null;
  face_value_cents: number;
  quantity: number;
}

export interface NewOrderLine {
  sku: string;
  productName?: string | null;
  faceValueCents: number;
  quantity: number;
}

/** What the engine keeps on an order besides its state, which only `transition` changes. */
export interface OrderFields {
  stateReason?: string | null;
  providerOrderId?: string | null;
  lastError?: string | null;
  nextPollAt?: number | null;
  submitAttempts?: number;
  providerTotalCards?: number | null;
  percentComplete?: number | null;
  providerStatus?: string | null;
  cancelAllowed?: boolean | null;
  cancelWithinMinutes?: number | null;
  acceptedAt?: number | null;
  settledAt?: number | null;
}

type OrderChange = OrderFields & { state?: OrderState };

const CHANGE_COLUMNS: Record<keyof OrderChange, string> = {
  state: 'state',
  stateReason: 'state_reason',
  providerOrderId: 'provider_order_id',
  lastError: 'last_error',
  nextPollAt: 'next_poll_at',
  submitAttempts: 'submit_attempts',
  providerTotalCards: 'provider_total_cards',
  percentComplete: 'percent_complete',
  providerStatus: 'provider_status',
  cancelAllowed: 'cancel_allowed',
  cancelWithinMinutes: 'cancel_within_minutes',
  acceptedAt: 'accepted_at',
  settledAt: 'settled_at',
};

function toOrder(r: OrderRow): Order {
  return {
    id: r.id,
    accountId: r.account_id,
    clientReference: r.client_reference,
    providerOrderId: r.provider_order_id,
    state: r.state,
    stateReason: r.state_reason,
    quantity: r.quantity,
    totalCents: r.total_cents,
    currency: r.currency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastError: r.last_error,
    nextPollAt: r.next_poll_at,
    realtime: r.realtime === 1,
    submitAttempts: r.submit_attempts,
    pollEverySeconds: r.poll_every_seconds,
    providerTotalCards: r.provider_total_cards,
    percentComplete: r.percent_complete,
    providerStatus: r.provider_status,
    cancelAllowed: r.cancel_allowed === null ? null : r.cancel_allowed === 1,
    cancelWithinMinutes: r.cancel_within_minutes,
    acceptedAt: r.accepted_at,
    settledAt: r.settled_at,
    name: r.name,
    memo: r.memo,
  };
}

function toLine(r: LineRow): OrderLine {
  return {
    id: r.id,
    orderId: r.order_id,
    lineNo: r.line_no,
    sku: r.sku,
    productName: r.product_name,
    faceValueCents: r.face_value_cents,
    quantity: r.quantity,
  };
}

const SETTLED_SQL = SETTLED_STATES.map((s) => `'${s}'`).join(', ');

/** What else changes, in the same transaction, when an order is cancelled: its cards' custody. */
export type OnOrderCancelled = (orderId: number, auditId: number, now: number) => void;

/**
 * Orders and their lines. An order's state changes only through `transition`, which enforces the state machine
 * (shared/order-state-machine.ts) and writes the change and its one audit entry in one transaction.
 */
export function createOrdersRepo(db: Db, audit: AuditLog, onCancelled: OnOrderCancelled = () => {}) {
  const insertOrder = db.prepare(
    `INSERT INTO orders (account_id, client_reference, state, quantity, face_value_cents, total_cents, currency,
                         created_at, updated_at, realtime, poll_every_seconds, name, memo)
     VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (order_id, line_no, sku, product_name, face_value_cents, quantity) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], OrderRow>('SELECT * FROM orders WHERE id = ?');
  const byReference = db.prepare<[string, string], OrderRow>(
    'SELECT * FROM orders WHERE account_id = ? AND client_reference = ?',
  );
  const linesOf = db.prepare<[number], LineRow>('SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no');
  const delivered = db.prepare<[string], { sku: string; name: string | null }>(
    `SELECT l.sku AS sku,
            MAX(COALESCE(l.product_name, (SELECT c.product_name FROM cards c
                                           WHERE c.order_id = l.order_id AND c.line_id = l.id AND c.product_name IS NOT NULL LIMIT 1))) AS name
       FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.account_id = ? AND EXISTS (SELECT 1 FROM cards c WHERE c.order_id = l.order_id AND c.line_id = l.id)
      GROUP BY l.sku`,
  );
  const setNaming = db.prepare<[string | null, string | null, number, number]>('UPDATE orders SET name = ?, memo = ?, updated_at = ? WHERE id = ?');
  const named = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM orders WHERE name IS NOT NULL');
  // One statement per set of changed columns, prepared once: the engine commits the same few shapes over and over.
  const updates = new Map<string, ReturnType<Db['prepare']>>();

  const repo = {
    /** The draft and its client reference are committed together, before anything is sent anywhere. */
    createDraft(
      input: {
        accountId: string;
        clientReference: string;
        currency: string;
        lines: NewOrderLine[];
        realtime?: boolean;
        pollEverySeconds?: number | null;
        name?: string | null;
        memo?: string | null;
      },
      now: number,
    ): Order {
      const quantity = input.lines.reduce((n, l) => n + l.quantity, 0);
      const total = input.lines.reduce((n, l) => n + l.quantity * l.faceValueCents, 0);
      const single = input.lines.length === 1 ? input.lines[0]!.faceValueCents : null;
      const id = db.transaction(() => {
        const orderId = Number(
          insertOrder.run(
            input.accountId,
            input.clientReference,
            quantity,
            single,
            total,
            input.currency,
            now,
            now,
            input.realtime ? 1 : 0,
            input.pollEverySeconds ?? null,
            input.name ?? null,
            input.memo ?? null,
          ).lastInsertRowid,
        );
        input.lines.forEach((l, i) => insertLine.run(orderId, i + 1, l.sku, l.productName ?? null, l.faceValueCents, l.quantity));
        return orderId;
      }).immediate();
      return repo.get(id);
    },
    find(id: number): Order | null {
      const row = byId.get(id);
      return row ? toOrder(row) : null;
    },
    get(id: number): Order {
      const found = repo.find(id);
      if (!found) throw new NotFoundError(`No order with id ${id}.`);
      return found;
    },
    findByReference(accountId: string, clientReference: string): Order | null {
      const row = byReference.get(accountId, clientReference);
      return row ? toOrder(row) : null;
    },
    lines(orderId: number): OrderLine[] {
      return linesOf.all(orderId).map(toLine);
    },
    /**
     * The SKUs of which this account has received at least one card, each with the name its lines or cards give it:
     * the ones the provider has shown it sells to this account.
     */
    deliveredSkus(accountId: string): Map<string, string | null> {
      return new Map(delivered.all(accountId).map((r) => [r.sku, r.name] as const));
    },
    list(filter: { accountId?: string; unsettledOnly?: boolean } = {}): Order[] {
      const rows = db
        .prepare<[string | null, string | null, number], OrderRow>(
          `SELECT * FROM orders WHERE (? IS NULL OR account_id = ?)
             AND (? = 0 OR state NOT IN (${SETTLED_SQL}))
           ORDER BY id DESC`,
        )
        .all(filter.accountId ?? null, filter.accountId ?? null, filter.unsettledOnly ? 1 : 0);
      return rows.map(toOrder);
    },
    /**
     * Applies an event of the state machine: the order moves to the state the table says, with the fields given, and a
     * state change writes its audit entry in the same transaction. An event the table does not allow in the order's
     * current state throws IllegalOrderTransition and writes nothing.
     */
    transition(id: number, event: OrderEvent, fields: OrderFields, actor: Actor, now: number): Order {
      return db
        .transaction(() => {
          const before = repo.get(id);
          const to = nextOrderState(before.state, event);
          if (to === null) throw new IllegalOrderTransition(id, before.state, event);
          const after = write(id, { ...fields, state: to }, now);
          if (to !== before.state) {
            const auditId = audit.append(actor, {
              action: 'order.transition',
              details: { orderId: id, reference: after.clientReference, from: before.state, to, event, reason: after.stateReason },
            });
            if (to === 'cancelled') onCancelled(id, auditId, now);
          }
          return after;
        })
        .immediate();
    },
    /** A person's name and memo for the order (null clears one); the caller writes the audit entry beside it. */
    setNaming(id: number, naming: { name: string | null; memo: string | null }, now: number): Order {
      if (setNaming.run(naming.name, naming.memo, now, id).changes === 0) throw new NotFoundError(`No order with id ${id}.`);
      return repo.get(id);
    },
    /** Every order that has a name, by id: for naming orders in the audit log's sentences. */
    names(): Map<number, string> {
      return new Map(named.all().map((r) => [r.id, r.name] as const));
    },
    /** Keeps the engine's bookkeeping (next check, last error, totals…) without touching the state. */
    note(id: number, fields: OrderFields, now: number): Order {
      return write(id, fields, now);
    },
  };

  /** Writes the change and returns the order as it now stands. */
  function write(id: number, change: OrderChange, now: number): Order {
    const sets: string[] = ['updated_at = @now'];
    const params: Record<string, unknown> = { id, now };
    for (const key of Object.keys(change) as (keyof OrderChange)[]) {
      const value = change[key];
      if (value === undefined) continue;
      sets.push(`${CHANGE_COLUMNS[key]} = @${key}`);
      params[key] = typeof value === 'boolean' ? Number(value) : value;
    }
    const sql = `UPDATE orders SET ${sets.join(', ')} WHERE id = @id`;
    let statement = updates.get(sql);
    if (!statement) updates.set(sql, (statement = db.prepare(sql)));
    const result = statement.run(params);
    if (result.changes === 0) throw new NotFoundError(`No order with id ${id}.`);
    return repo.get(id);
  }
  return repo;
}

export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
