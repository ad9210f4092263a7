import { readingWords } from '../../../../shared/balance-reading';
import type { CardBalanceViewModel } from '../../../../shared/ipc/balance-views';
import { formatMoney } from '../../lib/format';

/** The card's reading in the words the CLI uses too: "partly used (A$12.50 left)". */
export function cardReadingWords(c: Pick<CardBalanceViewModel, 'reading' | 'currency'>): string {
  return readingWords(c.reading, (cents) => formatMoney(cents, c.currency));
}
