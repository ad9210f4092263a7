import { dateOf, readCard, type CardReading } from '../../../../shared/balance-reading';
import type { BalanceCheck } from '../../store/repos/balances';
import type { AppDeps } from '../app-deps';
import { accountFacts } from '../custody/handout-views';

/** A card's balance as people see it: its reading now, and every answer before (time, balance, status, expiry). */
export interface CardBalanceView {
  cardId: number;
  last4: string | null;
  amountCents: number;
  currency: string;
  expiryDate: string | null;
  reading: CardReading;
  checkedAt: number | null;
  history: Omit<BalanceCheck, 'cardId'>[];
}

export function cardBalances(deps: AppDeps, cardIds: readonly number[]): CardBalanceView[] {
  const latest = deps.balances.latest(cardIds);
  const today = dateOf(deps.clock.now());
  const facts = accountFacts(deps);
  return cardIds.map((cardId) => {
    const custody = deps.custody.get(cardId);
    const check = latest.get(cardId) ?? null;
    return {
      cardId,
      last4: deps.cards.get(cardId)?.number?.slice(-4) ?? null,
      amountCents: custody.amountCents,
      currency: facts(custody.accountId).currency,
      expiryDate: custody.expiryDate,
      reading: readCard(custody, check, today),
      checkedAt: check?.checkedAt ?? null,
      history: [],
    };
  });
}

export function cardBalance(deps: AppDeps, cardId: number): CardBalanceView {
  const [view] = cardBalances(deps, [cardId]);
  return { ...view!, history: deps.balances.history(cardId).map(({ cardId: _c, ...h }) => h) };
}

/** What a hand-out's issued cards came to, per currency: handed out, used, still unspent, and what is not known. */
export interface HandoutBalance {
  currency: string;
  handedOutCents: number;
  usedCents: number;
  unspentCents: number;
  /** Cards with no usable answer (not checked, Blackhawk, not usable, refused) and expired ones' face value. */
  unknownCents: number;
  cards: number;
}

export function handoutBalance(deps: AppDeps, handoutId: number): { totals: HandoutBalance[]; cards: CardBalanceView[] } {
  deps.handouts.get(handoutId);
  const issued = deps.custody.ofHandout(handoutId).filter((k) => k.state === 'issued').map((k) => k.cardId);
  const cards = cardBalances(deps, issued);
  const totals = new Map<string, HandoutBalance>();
  for (const c of cards) {
    let t = totals.get(c.currency);
    if (!t) totals.set(c.currency, (t = { currency: c.currency, handedOutCents: 0, usedCents: 0, unspentCents: 0, unknownCents: 0, cards: 0 }));
    t.cards += 1;
    t.handedOutCents += c.amountCents;
    const r = c.reading;
    if (r.reading === 'unused' || r.reading === 'partly-used' || r.reading === 'spent') {
      const left = Math.min(r.leftCents, c.amountCents);
      t.unspentCents += left;
      t.usedCents += c.amountCents - left;
    } else t.unknownCents += c.amountCents;
  }
  return { totals: [...totals.values()], cards };
}
