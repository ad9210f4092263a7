import type { OrderPhase } from '../provider-client';

/**
 * Every orderStatus word Blackhawk is known to send (providers.md, the seed, answers seen), lower-cased. Funding
 * Posted does not mean the codes are ready. A word not here is 'unknown': the engine keeps asking for a while, then
 * hands the order to a person with the provider's word.
 */
const PHASES: Record<string, OrderPhase> = {
  complete: 'complete',
  completed: 'complete',
  shipped: 'complete',
  'in process': 'processing',
  'funding hold': 'pending',
  'funding posted': 'processing',
  'successfully sent to processor': 'processing',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  declined: 'failed',
  error: 'failed',
  failure: 'failed',
  failed: 'failed',
  'settlement error': 'failed',
  'not all records funded': 'partial',
  'not all records reversed': 'partial',
  'not all records processed': 'partial',
};

export function blackhawkPhase(orderStatus: string): OrderPhase {
  return PHASES[orderStatus.trim().replace(/\s+/g, ' ').toLowerCase()] ?? 'unknown';
}
