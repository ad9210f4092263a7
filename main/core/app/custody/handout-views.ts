import type { CustodyState } from '../../../../shared/custody-state-machine';
import type { Card } from '../../../../shared/domain';
import type { Custody } from '../../store/repos/custody';
import type { Handout, Recipient } from '../../store/repos/handouts';
import type { AppDeps } from '../app-deps';

/** A hand-out as people see it: its details and, per state, how many of its cards and what they are worth. */
export interface HandoutSummary extends Handout {
  cards: number;
  reserved: number;
  issued: number;
  void: number;
  cancelled: number;
  /** Cards that went back to stock from it. */
  returned: number;
  /** Value per currency (a hand-out may hold cards of accounts in different currencies). */
  values: { currency: string; reservedCents: number; issuedCents: number }[];
}

/** One card of a hand-out: the last four digits, never the number. */
export interface HandoutCard {
  cardId: number;
  last4: string | null;
  amountCents: number;
  currency: string;
  productName: string | null;
  sku: string;
  expiry: string | null;
  state: CustodyState;
  recipient: Pick<Recipient, 'id' | 'rowNo' | 'name' | 'contact' | 'reference'> | null;
  issuedTo: string | null;
  issuedAt: number | null;
  voidReason: string | null;
  sandbox: boolean;
}

export interface HandoutDetail extends HandoutSummary {
  cardList: HandoutCard[];
  recipients: Recipient[];
}

/** Account facts a view needs per card, read once per account. */
export function accountFacts(deps: Pick<AppDeps, 'accounts'>) {
  const cache = new Map<string, { currency: string; sandbox: boolean; name: string }>();
  return (accountId: string) => {
    let facts = cache.get(accountId);
    if (!facts) {
      const a = deps.accounts.find(accountId);
      cache.set(accountId, (facts = { currency: a?.currency ?? '', sandbox: a?.provider === 'sandbox', name: a?.name ?? 'Removed account' }));
    }
    return facts;
  };
}

export function summarizeHandouts(deps: AppDeps, handouts: Handout[]): HandoutSummary[] {
  // Counted in SQL per state and account: a summary never reads a hand-out's cards one by one.
  const counts = deps.handouts.stateCounts(handouts.length === 1 ? handouts[0]!.id : undefined);
  const facts = accountFacts(deps);
  return handouts.map((h) => {
    const of = counts.get(h.id) ?? [];
    const n = (s: CustodyState) => of.filter((c) => c.state === s).reduce((sum, c) => sum + c.cards, 0);
    const values = new Map<string, { currency: string; reservedCents: number; issuedCents: number }>();
    for (const c of of) {
      const currency = facts(c.accountId).currency;
      let v = values.get(currency);
      if (!v) values.set(currency, (v = { currency, reservedCents: 0, issuedCents: 0 }));
      if (c.state === 'reserved') v.reservedCents += c.cents;
      if (c.state === 'issued') v.issuedCents += c.cents;
    }
    return {
      ...h,
      cards: n('reserved') + n('issued') + n('void') + n('cancelled'),
      reserved: n('reserved'),
      issued: n('issued'),
      void: n('void'),
      cancelled: n('cancelled'),
      returned: deps.custody.returnedFrom(h.id),
      values: [...values.values()],
    };
  });
}

export function handoutCard(custody: Custody, card: Card, recipient: Recipient | null, facts: { currency: string; sandbox: boolean }): HandoutCard {
  return {
    cardId: custody.cardId,
    last4: card.number ? card.number.slice(-4) : null,
    amountCents: custody.amountCents,
    currency: facts.currency,
    productName: card.productName,
    sku: custody.sku,
    expiry: card.expiry,
    state: custody.state,
    recipient: recipient ? { id: recipient.id, rowNo: recipient.rowNo, name: recipient.name, contact: recipient.contact, reference: recipient.reference } : null,
    issuedTo: custody.issuedTo,
    issuedAt: custody.issuedAt,
    voidReason: custody.voidReason,
    sandbox: facts.sandbox,
  };
}

/** The hand-out with every card of it, in recipient-list order (or the order they were taken in), and its recipients. */
export function handoutDetail(deps: AppDeps, handoutId: number): HandoutDetail {
  const handout = deps.handouts.get(handoutId);
  const [summary] = summarizeHandouts(deps, [handout]);
  const recipients = deps.handouts.recipients(handoutId);
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const facts = accountFacts(deps);
  const cardList = deps.custody
    .ofHandout(handoutId)
    .map((k) => handoutCard(k, deps.cards.get(k.cardId)!, k.recipientId !== null ? (byId.get(k.recipientId) ?? null) : null, facts(k.accountId)))
    .sort((a, b) => (a.recipient?.rowNo ?? 0) - (b.recipient?.rowNo ?? 0) || a.cardId - b.cardId);
  return { ...summary!, cardList, recipients };
}
