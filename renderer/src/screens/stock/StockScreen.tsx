import { useCallback, useEffect, useState } from 'react';
import { CUSTODY_LABELS, CUSTODY_STATES } from '../../../../shared/custody-state-machine';
import type { StockLineView } from '../../../../shared/ipc/custody-views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';

/** Stock at a glance: every product and face value by custody state, and what in stock expires soon. */
export function StockScreen() {
  const go = useApp((s) => s.go);
  const [lines, setLines] = useState<StockLineView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = useCallback(() => {
    call(api().custody.stock({})).then((s) => setLines(s.lines), (err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(load, [load]);

  const release = async (l: StockLineView) => {
    const what = `${plural(l.heldBack, 'card')} of ${l.productName ?? l.sku} at ${formatMoney(l.amountCents, l.currency)}`;
    if (!window.confirm(`A sheet or card file of these ${what} was made before. Release them only if that copy is destroyed or was never handed out: a card handed out twice is paid for once.`)) return;
    setError(null);
    try {
      const { released } = await call(api().custody.release({ accountId: l.accountId, sku: l.sku, amountCents: l.amountCents }));
      setStatus(`${plural(released, 'card')} of ${l.productName ?? l.sku} at ${formatMoney(l.amountCents, l.currency)} may go into hand-outs again.`);
      load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const totals = (lines ?? []).reduce((t, l) => (t.set(l.currency, (t.get(l.currency) ?? 0) + l.counts['in-stock'] * l.amountCents), t), new Map<string, number>());

  return (
    <section aria-labelledby="stock-title">
      <header className="screen-head">
        <h1 id="stock-title">Stock</h1>
        <button type="button" className="primary" onClick={() => go('handouts')}>
          New hand-out
        </button>
      </header>
      <p className="muted">
        In stock:{' '}
        {[...totals].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ') || 'nothing yet'}. A card printed or exported outside a hand-out is held
        back from hand-outs until you release it.
      </p>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      <ErrorText message={error} />
      {lines && lines.length === 0 && <p className="empty">No cards stored yet. Cards you order arrive here in stock.</p>}
      {lines && lines.length > 0 && (
        <div className="table-scroll">
          <table className="table stock">
            <caption>Cards by product and face value, in each custody state</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Value</th>
                {CUSTODY_STATES.map((s) => (
                  <th scope="col" key={s} className="num">
                    {CUSTODY_LABELS[s]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Expiring in stock
                  <br />
                  <span className="muted">30 / 60 / 90 days</span>
                </th>
                <th scope="col">Held back</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.accountId}-${l.sku}-${l.amountCents}`}>
                  <th scope="row">
                    {l.productName ?? l.sku}
                    <div className="muted small">
                      {l.sku} · {l.accountName}
                      {l.sandbox && <span className="badge sandbox">sandbox</span>}
                    </div>
                  </th>
                  <td className="nowrap">{formatMoney(l.amountCents, l.currency)}</td>
                  {CUSTODY_STATES.map((s) => (
                    <td key={s} className={`num ${s === 'in-stock' ? 'strong' : ''}`}>
                      {l.counts[s].toLocaleString()}
                    </td>
                  ))}
                  <td className={`num ${l.expiring[30] > 0 ? 'warn-text' : ''}`}>
                    {l.expiring[30]} / {l.expiring[60]} / {l.expiring[90]}
                  </td>
                  <td>
                    {l.heldBack > 0 ? (
                      <button type="button" onClick={() => void release(l)} aria-label={`Release ${l.heldBack} held-back cards of ${l.sku} at ${formatMoney(l.amountCents, l.currency)}`}>
                        Release {l.heldBack}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
