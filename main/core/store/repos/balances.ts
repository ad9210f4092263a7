import { nextSweepState, type SweepEvent, type SweepScope, type SweepState } from '../../../../shared/balance-sweep-state-machine';
import type { LatestCheck } from '../../../../shared/balance-reading';
import type { Actor } from '../../audit/vocabulary';
import { GiftdeskError, NotFoundError } from '../../errors';
import type { AuditLog } from './audit';
import type { Db } from '../open-database';

export interface Sweep {
  id: number;
  scope: SweepScope;
  state: SweepState;
  cards: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The process driving it now, in words ("CLI, pid 123 on host"); null before one took it. */
  driver: string | null;
  lastError: string | null;
}

/** One recorded answer about a card. */
export interface BalanceCheck extends LatestCheck {
  id: number;
  cardId: number;
  sweepId: number;
  checkedAt: number;
  expiry: string | null;
  currency: string | null;
}

export type NewCheck = Omit<BalanceCheck, 'id' | 'cardId' | 'sweepId' | 'checkedAt'>;

export interface SweepCard {
  position: number;
  cardId: number;
  accountId: string;
  state: 'pending' | 'sending' | 'answered';
  sends: number;
}

interface ExpiringRow {
  card_id: number;
  account_id: string;
  sku: string;
  amount_cents: number;
  expiry_date: string;
  state: 'in-stock' | 'issued';
  handout_id: number | null;
}

export interface ExpiringCard {
  cardId: number;
  accountId: string;
  sku: string;
  amountCents: number;
  expiryDate: string;
  state: 'in-stock' | 'issued';
  handoutId: number | null;
}

/** An event the sweep state machine does not allow in the sweep's state: refused, and nothing was written. */
export class IllegalSweepTransition extends GiftdeskError {
  readonly kind = 'illegal-transition';
  constructor(sweepId: number, state: SweepState, event: SweepEvent) {
    super(`Balance sweep ${sweepId} is ${state}: "${event}" cannot happen to it now. Nothing was changed.`);
  }
}

interface SweepRow {
  id: number;
  scope: SweepScope['kind'];
  target: number | null;
  state: SweepState;
  cards: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  driver: string | null;
  last_error: string | null;
}

interface CheckRow {
  id: number;
  card_id: number;
  sweep_id: number;
  checked_at: number;
  outcome: BalanceCheck['outcome'];
  balance_cents: number | null;
  status: string | null;
  expiry: string | null;
  currency: string | null;
  note: string | null;
}

const scopeOf = (r: SweepRow): SweepScope =>
  r.scope === 'card' ? { kind: 'card', cardId: r.target! } : r.scope === 'handout' ? { kind: 'handout', handoutId: r.target! } : r.scope === 'order' ? { kind: 'order', orderId: r.target! } : { kind: 'issued' };
const targetOf = (s: SweepScope): number | null => (s.kind === 'card' ? s.cardId : s.kind === 'handout' ? s.handoutId : s.kind === 'order' ? s.orderId : null);

const toSweep = (r: SweepRow): Sweep => ({
  id: r.id,
  scope: scopeOf(r),
  state: r.state,
  cards: r.cards,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
  driver: r.driver,
  lastError: r.last_error,
});

const toCheck = (r: CheckRow): BalanceCheck => ({
  id: r.id,
  cardId: r.card_id,
  sweepId: r.sweep_id,
  checkedAt: r.checked_at,
  outcome: r.outcome,
  balanceCents: r.balance_cents,
  status: r.status,
  expiry: r.expiry,
  currency: r.currency,
  note: r.note,
});

/**
 * Balance sweeps with their cards, every answer as history, and the persisted rate window of each account. A sweep's
 * state changes go through its state machine (shared/balance-sweep-state-machine.ts), each with its audit entry in the
 * same transaction; so does an expiry the provider corrected.
 */
export function createBalancesRepo(db: Db, audit: AuditLog) {
  const insertSweep = db.prepare(
    `INSERT INTO balance_sweeps (scope, target, state, cards, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)`,
  );
  const insertCards = db.prepare(
    `INSERT INTO balance_sweep_cards (sweep_id, position, card_id, state)
     SELECT ?, j.key, j.value, 'pending' FROM json_each(?) AS j`,
  );
  const sweepById = db.prepare<[number], SweepRow>('SELECT * FROM balance_sweeps WHERE id = ?');
  const openSweeps = db.prepare<[], SweepRow>(`SELECT * FROM balance_sweeps WHERE state IN ('queued', 'running') ORDER BY id`);
  const recentSweeps = db.prepare<[number], SweepRow>('SELECT * FROM balance_sweeps ORDER BY id DESC LIMIT ?');
  const updateState = db.prepare('UPDATE balance_sweeps SET state = ?, updated_at = ?, finished_at = ? WHERE id = ? AND state = ?');
  const noteSweep = db.prepare('UPDATE balance_sweeps SET driver = coalesce(?, driver), last_error = ?, updated_at = ? WHERE id = ?');
  const unanswered = db.prepare<[number], { position: number; card_id: number; account_id: string; state: SweepCard['state']; sends: number }>(
    `SELECT s.position, s.card_id, c.account_id, s.state, s.sends FROM balance_sweep_cards s JOIN card_custody c ON c.card_id = s.card_id
     WHERE s.sweep_id = ? AND s.state <> 'answered' ORDER BY s.position`,
  );
  const counts = db.prepare<[number], { answered: number; sends: number; resent: number }>(
    `SELECT coalesce(sum(state = 'answered'), 0) AS answered, coalesce(sum(sends), 0) AS sends, coalesce(sum(max(sends - 1, 0)), 0) AS resent
     FROM balance_sweep_cards WHERE sweep_id = ?`,
  );
  const outcomes = db.prepare<[number], { outcome: BalanceCheck['outcome']; n: number }>(
    'SELECT outcome, count(*) AS n FROM balance_checks WHERE sweep_id = ? GROUP BY outcome',
  );
  const markSending = db.prepare(`UPDATE balance_sweep_cards SET state = 'sending', sends = sends + 1 WHERE sweep_id = ? AND card_id = ? AND state <> 'answered'`);
  const markAnswered = db.prepare(`UPDATE balance_sweep_cards SET state = 'answered' WHERE sweep_id = ? AND card_id = ? AND state <> 'answered'`);
  const insertCheck = db.prepare(
    `INSERT INTO balance_checks (card_id, sweep_id, checked_at, outcome, balance_cents, status, expiry, currency, note)
     VALUES (@cardId, @sweepId, @checkedAt, @outcome, @balanceCents, @status, @expiry, @currency, @note)`,
  );
  const checksOf = db.prepare<[number], CheckRow>('SELECT * FROM balance_checks WHERE card_id = ? ORDER BY id');
  const checksOfSweep = db.prepare<[number], CheckRow>('SELECT * FROM balance_checks WHERE sweep_id = ? ORDER BY id');
  const latestOf = db.prepare<[string], CheckRow>(
    `SELECT b.* FROM balance_checks b JOIN json_each(?) AS j ON b.card_id = j.value
     WHERE b.id = (SELECT max(id) FROM balance_checks WHERE card_id = b.card_id)`,
  );
  const sendsInWindow = db.prepare<[string, number], { sent_at: number }>(
    'SELECT sent_at FROM balance_rate_sends WHERE account_id = ? AND sent_at > ? ORDER BY sent_at',
  );
  const insertSend = db.prepare('INSERT INTO balance_rate_sends (account_id, sent_at) VALUES (?, ?)');
  const cardFacts = db.prepare<[number], { expiry_date: string | null; handout_id: number | null; last4: string | null }>(
    'SELECT k.expiry_date, k.handout_id, c.number_last4 AS last4 FROM card_custody k JOIN cards c ON c.id = k.card_id WHERE k.card_id = ?',
  );
  const setCustodyExpiry = db.prepare('UPDATE card_custody SET expiry_date = ? WHERE card_id = ?');
  const setCardExpiry = db.prepare('UPDATE cards SET expiry = ? WHERE id = ?');
  const issuedCards = db.prepare<[], { card_id: number }>(`SELECT card_id FROM card_custody WHERE state = 'issued' ORDER BY card_id`);
  const orderCards = db.prepare<[number], { card_id: number }>(
    `SELECT k.card_id FROM card_custody k JOIN cards c ON c.id = k.card_id WHERE c.order_id = ? AND k.state <> 'cancelled' ORDER BY k.card_id`,
  );
  const handoutCards = db.prepare<[number], { card_id: number }>(
    `SELECT card_id FROM card_custody WHERE handout_id = ? AND state IN ('reserved', 'issued') ORDER BY card_id`,
  );
  const expiring = db.prepare<[string, string], ExpiringRow>(
    `SELECT card_id, account_id, sku, amount_cents, expiry_date, state, handout_id FROM card_custody
     WHERE state IN ('in-stock', 'issued') AND expiry_date >= ? AND expiry_date <= ? ORDER BY expiry_date, card_id`,
  );
  const noticeDay = db.prepare('INSERT INTO expiry_notices (day, shown_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING');
  const forgetSends = db.prepare('DELETE FROM balance_rate_sends WHERE account_id = ? AND sent_at <= ?');

  const repo = {
    /** A new sweep of these cards, in this order: queued until the process holding the engine lease drives it. */
    create(scope: SweepScope, cardIds: readonly number[], now: number): Sweep {
      const id = Number(insertSweep.run(scope.kind, targetOf(scope), cardIds.length, now, now).lastInsertRowid);
      insertCards.run(id, JSON.stringify(cardIds));
      return repo.get(id);
    },
    get(id: number): Sweep {
      const row = sweepById.get(id);
      if (!row) throw new NotFoundError(`No balance sweep ${id}.`);
      return toSweep(row);
    },
    find(id: number): Sweep | null {
      const row = sweepById.get(id);
      return row ? toSweep(row) : null;
    },
    open: (): Sweep[] => openSweeps.all().map(toSweep),
    recent: (limit = 20): Sweep[] => recentSweeps.all(limit).map(toSweep),
    /**
     * Applies an event of the state machine, with the audit entry of a change of state, in one transaction. One the
     * table does not allow throws IllegalSweepTransition and writes nothing.
     */
    transition(id: number, event: SweepEvent, actor: Actor, now: number): Sweep {
      return db.transaction(() => {
        const before = repo.get(id);
        const to = nextSweepState(before.state, event);
        if (to === null) throw new IllegalSweepTransition(id, before.state, event);
        const finished = to === 'done' || to === 'cancelled' ? now : null;
        if (updateState.run(to, now, finished, id, before.state).changes !== 1) throw new IllegalSweepTransition(id, before.state, event);
        if (to !== before.state) {
          audit.append(actor, { action: 'balance.transition', details: { sweepId: id, from: before.state, to, event, answered: repo.progress(id).answered, cards: before.cards } });
        }
        return repo.get(id);
      })();
    },
    note(id: number, fields: { driver?: string; lastError: string | null }, now: number): void {
      noteSweep.run(fields.driver ?? null, fields.lastError, now, id);
    },
    /** The cards still without their answer, in order (the ones that were being sent when a driver died first among them). */
    unanswered(sweepId: number): SweepCard[] {
      return unanswered.all(sweepId).map((r) => ({ position: r.position, cardId: r.card_id, accountId: r.account_id, state: r.state, sends: r.sends }));
    },
    progress(sweepId: number) {
      const c = counts.get(sweepId)!;
      const by = Object.fromEntries(outcomes.all(sweepId).map((r) => [r.outcome, r.n])) as Partial<Record<BalanceCheck['outcome'], number>>;
      return { answered: c.answered, sends: c.sends, resent: c.resent, notAvailable: by['not-available'] ?? 0, failed: by.failed ?? 0 };
    },
    /**
     * Takes a slot of the account's rate window for this card, and marks the card as being sent, in one transaction:
     * the window holds across processes and restarts. When the window is full, nothing is written and the answer is
     * when the next slot frees.
     */
    takeSlot(sweepId: number, cardId: number, accountId: string, limit: number, windowMs: number, now: number): { taken: true } | { taken: false; freeAt: number } {
      return db
        .transaction(() => {
          const sent = sendsInWindow.all(accountId, now - windowMs).map((r) => r.sent_at);
          if (sent.length >= limit) return { taken: false as const, freeAt: sent[sent.length - limit]! + windowMs + 1 };
          forgetSends.run(accountId, now - windowMs);
          insertSend.run(accountId, now);
          markSending.run(sweepId, cardId);
          return { taken: true as const };
        })
        .immediate();
    },
    /** The send times of the account still inside a window of this length, oldest first (for an honest ETA). */
    windowSends: (accountId: string, windowMs: number, now: number): number[] => sendsInWindow.all(accountId, now - windowMs).map((r) => r.sent_at),
    /**
     * Records the card's one answer of this sweep, in one transaction with the expiry it brings when that differs from
     * the card's (the date hand-outs sort by, and the text sheets print) and that change's audit entry. False when the
     * card had its answer already: nothing is written then.
     */
    recordAnswer(sweepId: number, cardId: number, check: NewCheck, actor: Actor, now: number): boolean {
      return db.transaction(() => {
        if (markAnswered.run(sweepId, cardId).changes !== 1) return false;
        insertCheck.run({ ...check, cardId, sweepId, checkedAt: now });
        const reported = check.expiry ? /^(\d{4}-\d{2}-\d{2})/.exec(check.expiry)?.[1] : undefined;
        const card = cardFacts.get(cardId);
        if (reported && card && card.expiry_date !== reported) {
          setCustodyExpiry.run(reported, cardId);
          setCardExpiry.run(check.expiry, cardId);
          audit.append(actor, { action: 'card.expiry', details: { cardId, last4: card.last4, handoutId: card.handout_id, from: card.expiry_date, to: reported, sweepId } });
        }
        return true;
      })();
    },
    /** The cards a sweep of this scope asks about, in card order (a cancelled order's cards are worth nothing: left out). */
    cardsOf(scope: SweepScope): number[] {
      const rows =
        scope.kind === 'card' ? [{ card_id: scope.cardId }] : scope.kind === 'issued' ? issuedCards.all() : scope.kind === 'order' ? orderCards.all(scope.orderId) : handoutCards.all(scope.handoutId);
      return rows.map((r) => r.card_id);
    },
    /** Cards in stock or issued whose expiry date falls between these dates (YYYY-MM-DD, both included), soonest first. */
    expiring(from: string, until: string): ExpiringCard[] {
      return expiring.all(from, until).map((r) => ({ cardId: r.card_id, accountId: r.account_id, sku: r.sku, amountCents: r.amount_cents, expiryDate: r.expiry_date, state: r.state, handoutId: r.handout_id }));
    },
    /** True the first time it is asked on a day (whichever process asks): the expiring-stock notice shows once a day. */
    firstNoticeOf(day: string, now: number): boolean {
      return noticeDay.run(day, now).changes === 1;
    },
    history: (cardId: number): BalanceCheck[] => checksOf.all(cardId).map(toCheck),
    answersOf: (sweepId: number): BalanceCheck[] => checksOfSweep.all(sweepId).map(toCheck),
    /** The latest answer of each of these cards. */
    latest(cardIds: readonly number[]): Map<number, BalanceCheck> {
      return new Map(latestOf.all(JSON.stringify(cardIds)).map((r) => [r.card_id, toCheck(r)]));
    },
  };
  return repo;
}

export type BalancesRepo = ReturnType<typeof createBalancesRepo>;
