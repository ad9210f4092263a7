import { NotFoundError } from '../../errors';
import type { Db } from '../open-database';

interface HandoutRow {
  id: number;
  name: string;
  event_date: string | null;
  place: string | null;
  note: string | null;
  source: 'count' | 'recipients';
  created_at: number;
  copies: number;
  returned_at: number | null;
}

export interface Handout {
  id: number;
  name: string;
  /** The event's day as the person gave it (YYYY-MM-DD). */
  eventDate: string | null;
  place: string | null;
  note: string | null;
  /** Cards taken by count, or one per recipient of a list. */
  source: 'count' | 'recipients';
  createdAt: number;
  /** Sheets and card files made of it so far. */
  copies: number;
  /** When the cards not handed out went back to stock. */
  returnedAt: number | null;
}

export interface Recipient {
  id: number;
  handoutId: number;
  /** The row of the recipient list it came from (the file's line number). */
  rowNo: number;
  name: string;
  contact: string | null;
  reference: string | null;
}

export type NewHandout = Pick<Handout, 'name' | 'eventDate' | 'place' | 'note' | 'source'>;

const toHandout = (r: HandoutRow): Handout => ({
  id: r.id,
  name: r.name,
  eventDate: r.event_date,
  place: r.place,
  note: r.note,
  source: r.source,
  createdAt: r.created_at,
  copies: r.copies,
  returnedAt: r.returned_at,
});

/** Hand-outs (distributions) and their recipient lists; which cards each holds is the custody repository's. */
export function createHandoutsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO handouts (name, event_date, place, note, source, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertRecipient = db.prepare('INSERT INTO handout_recipients (handout_id, row_no, name, contact, reference) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare<[number], HandoutRow>('SELECT * FROM handouts WHERE id = ?');
  const all = db.prepare<[], HandoutRow>('SELECT * FROM handouts ORDER BY id DESC');
  const recipientsOf = db.prepare<[number], { id: number; handout_id: number; row_no: number; name: string; contact: string | null; reference: string | null }>(
    'SELECT * FROM handout_recipients WHERE handout_id = ? ORDER BY row_no',
  );
  const countCopy = db.prepare('UPDATE handouts SET copies = copies + 1 WHERE id = ?');
  const markReturned = db.prepare('UPDATE handouts SET returned_at = ? WHERE id = ?');
  const countsSql = `SELECT handout_id, state, account_id, count(*) AS n, sum(amount_cents) AS cents FROM card_custody`;
  const stateCounts = db.prepare<[], StateCountRow>(`${countsSql} WHERE handout_id IS NOT NULL GROUP BY handout_id, state, account_id`);
  const stateCountsOf = db.prepare<[number], StateCountRow>(`${countsSql} WHERE handout_id = ? GROUP BY handout_id, state, account_id`);

  const repo = {
    create(input: NewHandout, now: number): Handout {
      const id = Number(insert.run(input.name, input.eventDate, input.place, input.note, input.source, now).lastInsertRowid);
      return repo.get(id);
    },
    addRecipient(handoutId: number, r: Omit<Recipient, 'id' | 'handoutId'>): number {
      return Number(insertRecipient.run(handoutId, r.rowNo, r.name, r.contact, r.reference).lastInsertRowid);
    },
    find(id: number): Handout | null {
      const row = byId.get(id);
      return row ? toHandout(row) : null;
    },
    get(id: number): Handout {
      const found = repo.find(id);
      if (!found) throw new NotFoundError(`No hand-out with id ${id}.`);
      return found;
    },
    list(): Handout[] {
      return all.all().map(toHandout);
    },
    recipients(handoutId: number): Recipient[] {
      return recipientsOf.all(handoutId).map((r) => ({ id: r.id, handoutId: r.handout_id, rowNo: r.row_no, name: r.name, contact: r.contact, reference: r.reference }));
    },
    /** One more sheet or card file made of it; returns which copy this is. */
    countCopy(id: number): number {
      countCopy.run(id);
      return repo.get(id).copies;
    },
    markReturned(id: number, now: number): void {
      markReturned.run(now, id);
    },
    /** Cards and their value per hand-out, state and account: of one hand-out, or of every hand-out at once. */
    stateCounts(handoutId?: number): Map<number, { state: string; accountId: string; cards: number; cents: number }[]> {
      const out = new Map<number, { state: string; accountId: string; cards: number; cents: number }[]>();
      for (const r of handoutId === undefined ? stateCounts.all() : stateCountsOf.all(handoutId)) {
        let list = out.get(r.handout_id);
        if (!list) out.set(r.handout_id, (list = []));
        list.push({ state: r.state, accountId: r.account_id, cards: r.n, cents: r.cents });
      }
      return out;
    },
  };
  return repo;
}

interface StateCountRow {
  handout_id: number;
  state: string;
  account_id: string;
  n: number;
  cents: number;
}

export type HandoutsRepo = ReturnType<typeof createHandoutsRepo>;
