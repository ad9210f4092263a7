import type { OrderPhase } from '../provider-client';

/** orderStatus words seen in Blackhawk answers (providers.md), lower-cased. Anything else keeps the order polling. */
const PHASES: Record<string, OrderPhase> = {
  complete: 'complete',
  completed: 'complete',
  shipped: 'complete',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  declined: 'failed',
  error: 'failed',
  failure: 'failed',
  'settlement error': 'failed',
  'funding hold': 'pending',
};

export function blackhawkPhase(orderStatus: string): OrderPhase {
  return PHASES[orderStatus.trim().toLowerCase()] ?? 'processing';
}
