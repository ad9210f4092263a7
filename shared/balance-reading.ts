// How a card reads once its balance was asked: from its latest answer and today's date. Pure, so that the desktop
// app, the CLI and the reports say the same word for the same answer.

/** The latest recorded answer about a card, as far as the reading needs it. */
export interface LatestCheck {
  outcome: 'answered' | 'not-available' | 'failed';
  balanceCents: number | null;
  /** The provider's own word (ACTIVATED, …), kept as given. */
  status: string | null;
  note: string | null;
}

export type CardReading =
  | { reading: 'unused'; leftCents: number }
  | { reading: 'partly-used'; leftCents: number }
  | { reading: 'spent'; leftCents: 0 }
  | { reading: 'not-usable'; status: string }
  | { reading: 'expired' }
  | { reading: 'unknown'; why: string };

/** Only this word means usable; anything else the provider says is "not usable, per the provider". */
export const USABLE_STATUS = 'ACTIVATED';

/**
 * `expiryDate` is the card's expiry date (YYYY-MM-DD) and `today` today's, both as dates: a card is expired from the
 * day after its expiry date.
 */
export function readCard(card: { amountCents: number; expiryDate: string | null }, latest: LatestCheck | null, today: string): CardReading {
  const expired = card.expiryDate !== null && card.expiryDate < today;
  if (latest?.outcome === 'answered' && latest.balanceCents !== null) {
    const status = (latest.status ?? '').trim();
    if (status.toUpperCase() !== USABLE_STATUS) return { reading: 'not-usable', status: status || 'no status' };
    if (expired) return { reading: 'expired' };
    if (latest.balanceCents <= 0) return { reading: 'spent', leftCents: 0 };
    if (latest.balanceCents >= card.amountCents) return { reading: 'unused', leftCents: latest.balanceCents };
    return { reading: 'partly-used', leftCents: latest.balanceCents };
  }
  if (expired) return { reading: 'expired' };
  if (latest === null) return { reading: 'unknown', why: 'not checked yet' };
  return { reading: 'unknown', why: latest.note ?? 'no answer' };
}

/** The reading in words: "partly used (A$12.50 left)", "not usable (provider says BLOCKED)". */
export function readingWords(r: CardReading, money: (cents: number) => string): string {
  switch (r.reading) {
    case 'unused':
      return 'unused';
    case 'partly-used':
      return `partly used (${money(r.leftCents)} left)`;
    case 'spent':
      return 'spent';
    case 'not-usable':
      return `not usable (provider says ${r.status})`;
    case 'expired':
      return 'expired';
    case 'unknown':
      return `unknown (${r.why})`;
  }
}

/** The date part of a timestamp in UTC, for comparing with expiry dates. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
