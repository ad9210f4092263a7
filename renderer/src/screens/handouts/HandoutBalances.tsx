import { useCallback, useEffect, useState } from 'react';
import type { HandoutBalanceView } from '../../../../shared/ipc/balance-views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';
import { SweepStatus } from '../balances/SweepStatus';
import { useSweep } from '../balances/use-sweep';

/** What a hand-out's issued cards came to: value handed out, used, still unspent; and a button that asks the provider. */
export function HandoutBalances({ handoutId }: { handoutId: number }) {
  const [view, setView] = useState<HandoutBalanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => call(api().balances.handout({ handoutId })).then(setView, (err: unknown) => setError(messageOf(err))), [handoutId]);
  useEffect(() => void load(), [load]);
  const sweep = useSweep(() => void load());
  if (!view) return <ErrorText message={error} />;
  const checked = view.cards.filter((c) => c.checkedAt !== null).length;
  return (
    <section className="panel balances" aria-labelledby={`balances-${handoutId}`}>
      <h2 id={`balances-${handoutId}`}>Balances of the cards handed out</h2>
      {view.totals.length === 0 && <p className="empty">No card of this hand-out is issued yet.</p>}
      {view.totals.length > 0 && (
        <table className="table totals">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">Handed out</th>
              <th scope="col" className="num">Used</th>
              <th scope="col" className="num">Unspent</th>
              <th scope="col" className="num">Not known</th>
            </tr>
          </thead>
          <tbody>
            {view.totals.map((t) => (
              <tr key={t.currency}>
                <th scope="row">{t.currency}</th>
                <td className="num" data-total="handed-out">{formatMoney(t.handedOutCents, t.currency)}</td>
                <td className="num" data-total="used">{formatMoney(t.usedCents, t.currency)}</td>
                <td className="num" data-total="unspent">{formatMoney(t.unspentCents, t.currency)}</td>
                <td className="num" data-total="unknown">{formatMoney(t.unknownCents, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">
        {plural(checked, 'card')} of {view.cards.length} checked. "Not known": cards not checked yet, Blackhawk cards (Blackhawk gives no balance), and cards
        the provider calls not usable or that expired.
      </p>
      {sweep.progress && <SweepStatus progress={sweep.progress} onCancel={() => void sweep.cancel()} />}
      <ErrorText message={sweep.error} />
      {view.cards.length > 0 && !sweep.running && (
        <button type="button" onClick={() => void sweep.start({ kind: 'handout', handoutId })}>
          Check balances with the provider
        </button>
      )}
    </section>
  );
}
