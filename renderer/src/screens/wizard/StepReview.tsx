import { useEffect, useState } from 'react';
import type { OrderReview, OrderView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';
import { askForNotifications } from '../../lib/notify';
import { useApp } from '../../state/app-store';
import { draftLines, type Draft } from './draft';
import { ReviewLines } from './ReviewLines';
import { StepHeading } from './StepHeading';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';

interface Props {
  draft: Draft;
  update(patch: Partial<Draft>): void;
  back(): void;
  placed(order: OrderView): void;
}

export function StepReview({ draft, update, back, placed }: Props) {
  const upsertOrder = useApp((s) => s.upsertOrder);
  const account = useApp((s) => s.accounts.find((a) => a.id === draft.accountId));
  const [review, setReview] = useState<OrderReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const checked = draftLines(draft);
  const lines = 'lines' in checked ? checked.lines : null;

  useEffect(() => {
    if (!draft.accountId || !lines) return;
    let live = true;
    call(api().orders.validate({ accountId: draft.accountId, lines })).then(
      (r) => live && setReview(r),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
    // The draft does not change while this step is shown.
  }, []);

  const place = async () => {
    if (!review || !lines || !draft.accountId) return;
    setPlacing(true);
    setError(null);
    askForNotifications();
    try {
      // The reference from the review goes with the order: a second press finds this order instead of paying twice.
      const order = await call(api().orders.place({ accountId: draft.accountId, lines, reference: review.reference, name: draft.name.trim() || null, memo: draft.memo.trim() || null }));
      upsertOrder(order);
      placed(order);
    } catch (err) {
      setError(messageOf(err));
      setPlacing(false);
    }
  };

  const short = review?.balance && review.balance.currency === review.currency && review.balance.cents < review.totalCents;
  return (
    <div className="panel review" aria-labelledby="review-title">
      <StepHeading id="review-title">Review the order</StepHeading>
      {!review && !error && <p className="muted">Checking the order…</p>}
      <ErrorText message={error} />
      {review && (
        <>
          <dl className="facts">
            <div>
              <dt>Account</dt>
              <dd>
                {review.accountName}
                {account && <EnvironmentBadge account={account} />}
              </dd>
            </div>
            <div>
              <dt>Cards</dt>
              <dd>
                {plural(review.quantity, 'card')}
                {review.lineCount > 1 ? ` in ${review.lineCount} lines` : ''}
              </dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd className="total">{formatMoney(review.totalCents, review.currency)}</dd>
            </div>
            <div>
              <dt>Balance</dt>
              <dd>{review.balance ? formatMoney(review.balance.cents, review.balance.currency) : 'Not reported by this provider'}</dd>
            </div>
            <div>
              <dt>How it is ordered</dt>
              <dd>
                {review.mode === 'real-time'
                  ? 'Real time: the cards come back with the answer.'
                  : 'Batch: the provider prepares the cards; Giftdesk checks and collects them.'}
              </dd>
            </div>
            <div>
              <dt>Client reference</dt>
              <dd className="mono">{review.reference}</dd>
            </div>
          </dl>
          <ReviewLines lines={review.lines} currency={review.currency} />
          <div className="naming">
            <Field id="order-name" label="Name (optional)" hint="Your own name for the order, shown wherever it is named: “Staff party”.">
              <input id="order-name" value={draft.name} maxLength={80} onChange={(e) => update({ name: e.target.value })} disabled={placing} />
            </Field>
            <Field id="order-memo" label="Memo (optional)">
              <textarea id="order-memo" value={draft.memo} maxLength={1000} rows={2} onChange={(e) => update({ memo: e.target.value })} disabled={placing} />
            </Field>
          </div>
          <p className="warning" role="note">
            Placing this order debits {formatMoney(review.totalCents, review.currency)} from the prepaid account of {review.accountName}. It
            cannot be undone here{review.provider === 'wpay' ? ' except by a reversal within the provider’s time limit' : ''}.
          </p>
          {short && <p className="error">The balance is lower than the total; the provider will likely refuse this order.</p>}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={back} disabled={placing}>
          Back
        </button>
        <button type="button" className="primary" onClick={() => void place()} disabled={!review || placing}>
          {placing ? 'Placing…' : review ? `Place order for ${formatMoney(review.totalCents, review.currency)}` : 'Place order'}
        </button>
      </div>
    </div>
  );
}
