import type { Order, OrderState } from '../../../shared/domain';

// What the order engine offers the UI (through IPC) and the CLI. The engine itself is in this folder.

export interface OrderProgress {
  orderId: number;
  state: OrderState;
  /** Why the order is in this state, in words a person can act on. */
  stateReason: string | null;
  /** 0–100 while the provider reports it (Blackhawk percentComplete) or while cards are fetched; null when unknown. */
  percent: number | null;
  cardsStored: number;
  quantity: number;
  nextPollAt: number | null;
  lastError: string | null;
}

export interface PlaceOrderLine {
  sku: string;
  faceValueCents: number;
  quantity: number;
  productName?: string | null;
}

export interface PlaceOrderInput {
  accountId: string;
  lines: PlaceOrderLine[];
  /** A client reference chosen by the user; made up by the engine when absent. */
  reference?: string;
  /** Overrides the poll cadence for this order (seconds). */
  pollEverySeconds?: number;
}

export interface OrderEngine {
  /** Checks the input against the account's provider limits; throws ValidationError naming the field. Sends nothing. */
  validate(input: PlaceOrderInput): void;
  /** Commits the draft with its reference, then drives it in the background. */
  place(input: PlaceOrderInput): Promise<Order>;
  /** Resolves with the order once it is settled (complete, failed, cancelled or needs-attention). */
  settled(orderId: number): Promise<Order>;
  /** Resolves once the provider has the order (accepted or later), or the order settled without getting there. */
  accepted(orderId: number): Promise<Order>;
  /** Polls now instead of at the next scheduled time. */
  checkNow(orderId: number): void;
  /** Wpay reversal while the provider allows it. */
  cancel(orderId: number): Promise<Order>;
  /** Picks up every unfinished order (done once at start; safe to call again). */
  resumeAll(options?: { pollEverySeconds?: number }): Order[];
  progress(orderId: number): OrderProgress;
  onProgress(listener: (p: OrderProgress) => void): () => void;
  /** Stops driving orders; their state stays committed for the next start. */
  stop(): Promise<void>;
}
