import type { OrderState } from '../../../shared/domain';

const LABELS: Record<OrderState, string> = {
  draft: 'Draft',
  submitting: 'Sending',
  accepted: 'Accepted',
  processing: 'Processing',
  fetching: 'Fetching cards',
  complete: 'Complete',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'needs-attention': 'Needs attention',
};

export function StateBadge({ state }: { state: OrderState }) {
  return <span className={`badge state-${state}`}>{LABELS[state]}</span>;
}
