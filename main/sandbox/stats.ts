import type { HostileCase } from './hostile-cases';
import type { SandboxStateStore } from './state-store';
import { orderQuantity, orderTotalCents } from './state-store';
import { progressAt } from './order-timeline';
import type { CallRecord, SandboxStats } from './types';

/** Counts what tests need to prove: how many orders each reference produced, and what the clients asked for. */
export class SandboxStatsRecorder {
  private readonly requests: Record<string, number> = {};
  private readonly submits: Record<string, number> = {};
  private readonly calls: Record<string, CallRecord[]> = {};
  private readonly balances: SandboxStats['balancesAnswered'] = {};
  private readonly faults: SandboxStats['faultsInjected'] = {
    errors: 0,
    throttled: 0,
    dropped: 0,
    spikes: 0,
    errorsAfterAccept: 0,
    shortPages: 0,
    notReady: 0,
    cancelledInFetch: 0,
    refusedStatus: 0,
    refusedCards: 0,
    foreignReferences: 0,
    hostile: {},
  };

  request(endpoint: string): void {
    this.requests[endpoint] = (this.requests[endpoint] ?? 0) + 1;
  }

  submitted(reference: string): void {
    this.submits[reference] = (this.submits[reference] ?? 0) + 1;
  }

  /** Logs a submit or lookup of a reference; the record is returned so that a withheld answer can be marked on it. */
  call(reference: string, record: CallRecord): CallRecord {
    (this.calls[reference] ??= []).push(record);
    return record;
  }

  balanceAnswered(cardNumber: string, answer: Omit<SandboxStats['balancesAnswered'][string], 'times'>): void {
    this.balances[cardNumber] = { ...answer, times: (this.balances[cardNumber]?.times ?? 0) + 1 };
  }

  fault(kind: Exclude<keyof SandboxStats['faultsInjected'], 'hostile'>): void {
    this.faults[kind]++;
  }

  hostile(which: HostileCase): void {
    this.faults.hostile[which] = (this.faults.hostile[which] ?? 0) + 1;
  }

  snapshot(store: SandboxStateStore, now: number, balanceChecks: SandboxStats['balanceChecks']): SandboxStats {
    const ordersByReference: Record<string, number> = {};
    const orders = store.all().map((o) => {
      ordersByReference[o.reference] = (ordersByReference[o.reference] ?? 0) + 1;
      return { api: o.api, reference: o.reference, orderId: o.orderId, quantity: orderQuantity(o), totalCents: orderTotalCents(o), state: progressAt(o, now).phase };
    });
    return {
      ordersByReference,
      submitsByReference: { ...this.submits },
      calls: Object.fromEntries(Object.entries(this.calls).map(([ref, list]) => [ref, list.map((r) => ({ ...r }))])),
      requests: { ...this.requests },
      faultsInjected: { ...this.faults, hostile: { ...this.faults.hostile } },
      orders,
      balanceCents: store.availableBalanceCents(),
      balanceChecks,
      balancesAnswered: { ...this.balances },
    };
  }
}
