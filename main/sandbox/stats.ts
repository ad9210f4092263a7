import type { SandboxStateStore } from './state-store';
import { orderQuantity, orderTotalCents } from './state-store';
import { progressAt } from './order-timeline';
import type { SandboxStats } from './types';

/** Counts what tests need to prove: how many orders each reference produced, and what the clients asked for. */
export class SandboxStatsRecorder {
  private readonly requests: Record<string, number> = {};
  private readonly submits: Record<string, number> = {};
  private readonly faults = { errors: 0, throttled: 0, dropped: 0, spikes: 0, errorsAfterAccept: 0 };

  request(endpoint: string): void {
    this.requests[endpoint] = (this.requests[endpoint] ?? 0) + 1;
  }

  submitted(reference: string): void {
    this.submits[reference] = (this.submits[reference] ?? 0) + 1;
  }

  fault(kind: keyof SandboxStatsRecorder['faults']): void {
    this.faults[kind]++;
  }

  snapshot(store: SandboxStateStore, now: number): SandboxStats {
    const ordersByReference: Record<string, number> = {};
    const orders = store.all().map((o) => {
      ordersByReference[o.reference] = (ordersByReference[o.reference] ?? 0) + 1;
      return { api: o.api, reference: o.reference, orderId: o.orderId, quantity: orderQuantity(o), totalCents: orderTotalCents(o), state: progressAt(o, now).phase };
    });
    return {
      ordersByReference,
      submitsByReference: { ...this.submits },
      requests: { ...this.requests },
      faultsInjected: { ...this.faults },
      orders,
      balanceCents: store.availableBalanceCents(),
    };
  }
}
