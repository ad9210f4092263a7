import type { Reply } from './http-kit';
import type { Progress } from './order-timeline';
import type { SandboxOrder } from './types';

// Blackhawk's answer shapes, as in seeds/blackhawk-bulk-egift.txt and providers.md.

export function bhError(status: number, errorCode: string, message: string): Reply {
  return { status, body: { errors: [{ errorCode, message }] } };
}

export const orderNotFound = () => bhError(404, 'eGiftBulk.order.not.found', 'No order was found for the given keys');

/** Blackhawk's status words; "Funding Posted" comes before the codes are ready, as providers.md warns. */
export function orderStatusWords(progress: Progress): string {
  if (progress.phase === 'cancelled') return 'Cancelled';
  if (progress.phase === 'complete') return 'Complete';
  if (progress.percent < 25) return 'Funding Hold';
  if (progress.percent < 50) return 'Funding Posted';
  return 'In Process';
}

export function orderInfoBody(order: SandboxOrder, progress: Progress, clientProgramNumber: string) {
  return {
    orderNumber: order.orderId,
    requestId: order.reference,
    clientProgramNumber,
    orderStatus: orderStatusWords(progress),
    numberOfCards: order.lines.reduce((s, l) => s + l.quantity, 0),
    percentComplete: progress.percent,
    dateSubmitted: new Date(order.acceptedAt).toISOString(),
    orderErrorList: [],
  };
}
