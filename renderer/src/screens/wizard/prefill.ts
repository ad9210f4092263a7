import type { OrderDetailView } from '../../../../shared/ipc/views';
import { formatCents } from '../../../../shared/money';
import { emptyDraft, type Draft, type WizardStep } from './draft';

/** A draft made from an order, and the step the wizard opens at. */
export interface WizardPrefill {
  draft: Draft;
  step: WizardStep;
  /** The order it was made from, said on the first step shown. */
  fromOrderId: number;
}

/**
 * "Order again" (at the review: the same account, product and lines, a new reference) and "Edit and retry" (at the
 * amounts, to change what made it fail). An order of several lines comes back as its lines, as a CSV would give them.
 * The new order gets a name of its own, if any: two orders of one name could not be told apart.
 */
export function prefillFrom(detail: OrderDetailView, mode: 'again' | 'retry'): WizardPrefill {
  const { order, lines } = detail;
  const single = lines.length === 1 ? lines[0]! : null;
  const draft: Draft = single
    ? { ...emptyDraft, accountId: order.accountId, kind: 'single', sku: single.sku, value: formatCents(single.faceValueCents), quantity: String(single.quantity) }
    : {
        ...emptyDraft,
        accountId: order.accountId,
        kind: 'csv',
        csv: { fileName: `the lines of order ${order.id}`, result: { lines: lines.map((l) => ({ row: l.lineNo + 1, sku: l.sku, faceValueCents: l.faceValueCents, quantity: l.quantity })), errors: [] } },
      };
  return { draft, step: mode === 'again' ? 'review' : 'amounts', fromOrderId: order.id };
}
