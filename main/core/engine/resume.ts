import type { Order } from '../../../shared/domain';

/**
 * Where "check now" picks up an order that needed a person: the provider has it (its order id is known), so fetch
 * its cards; otherwise it may have been sent, so look it up by reference before anything is sent again.
 */
export function resumeEvent(order: Order): 'resume-fetch' | 'resume-send' {
  return order.providerOrderId ? 'resume-fetch' : 'resume-send';
}
