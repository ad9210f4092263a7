import type { NewCard } from '../../../../shared/domain';
import type { TransferredError } from '../../workers/worker-error';

export interface WriterConnection {
  file: string;
  key: string;
}

export interface CardBatch {
  orderId: number;
  cards: NewCard[];
  /** The page these cards are, recorded as fetched in the same transaction; null for cards that came inline. */
  page: { offset: number; limit: number } | null;
  now: number;
}

export type ToWriter = { id: number; batch: CardBatch } | { id: number; close: true };
export type FromWriter = { id: number; added: number } | { id: number; error: TransferredError } | { id: number; closed: true };
