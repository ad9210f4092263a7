import type { Order, OrderState } from '../../../shared/domain';

// What the order engine offers the application layer. The engine itself is in this folder.

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

export interface OrderEngine {
  /** Takes this data folder's lease, or throws EngineBusy naming the process that holds it. */
  claim(): void;
  /** Whether this process holds the lease now (it drives the folder's orders and balance sweeps). */
  holdsLease(): boolean;
  /**
   * Runs a write under this process's lease, refused (LeaseLost, and the engine stops) in the write's own transaction
   * once another process holds it: how the balance sweeps' writes are fenced like the orders'.
   */
  fenced<T>(write: () => T): T;
  /** Drives an unsettled order in the background from wherever its committed state says. */
  drive(orderId: number): void;
  /** Checks the order now instead of at its next scheduled time (driving it if nothing does). */
  wake(orderId: number): void;
  /** Stops driving one order (its state stays as committed). */
  halt(orderId: number): Promise<void>;
  /** Resolves with the order once it is settled, or once nothing drives it any more (the engine stopped). */
  settled(orderId: number): Promise<Order>;
  /** Resolves once the provider has the order (accepted or later), or the order settled without getting there. */
  accepted(orderId: number): Promise<Order>;
  /** Picks up every unfinished order (done once at start; safe to call again). */
  resumeAll(options?: { pollEverySeconds?: number }): Order[];
  /** Tells listeners about a change made outside the engine (a draft placed, a reversal, a resume). */
  announce(order: Order): void;
  progress(orderId: number): OrderProgress;
  onProgress(listener: (p: OrderProgress) => void): () => void;
  /** Stops driving orders; their state stays committed for the next start. */
  stop(): Promise<void>;
}
