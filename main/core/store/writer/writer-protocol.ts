import type { NewCard, NewQuarantinedCard } from '../../../../shared/domain';
import type { TransferredError } from '../../workers/worker-error';

export interface WriterConnection {
  file: string;
  key: string;
}

export interface CardBatch {
  orderId: number;
  cards: NewCard[];
  /** Cards that came with the batch but are not the order's (checked by the engine): kept apart, never counted. */
  quarantined: NewQuarantinedCard[];
  /** The page these cards are, recorded as fetched in the same transaction; null for cards that came inline. */
  page: { offset: number; limit: number } | null;
  now: number;
  /** The engine lease the batch is written under: refused unless it is still the current one (fencing). */
  lease: string | null;
}

export type ToWriter = { id: number; batch: CardBatch } | { id: number; close: true } | { id: number; check: true };
export type FromWriter =
  | { id: number; added: WriteResult }
  | { id: number; error: TransferredError }
  | { id: number; closed: true }
  /** The integrity check's findings: empty when the file checks out. */
  | { id: number; problems: string[] };

/** What a batch did: ordered cards new to the store, cards refused because another order holds them, cards quarantined. */
export interface WriteResult {
  added: number;
  heldElsewhere: number;
  quarantined: number;
}
