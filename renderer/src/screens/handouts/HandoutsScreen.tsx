import { useCallback, useEffect, useState } from 'react';
import type { HandoutSummaryView } from '../../../../shared/ipc/custody-views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { HandoutDesk } from './HandoutDesk';
import { HandoutForm } from './HandoutForm';

/** Hand-outs: the list, a new one, and the desk of one open at the event. */
export function HandoutsScreen() {
  const chosen = useApp((s) => s.handoutId);
  const go = useApp((s) => s.go);
  const [handouts, setHandouts] = useState<HandoutSummaryView[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(api().handouts.list({})).then(setHandouts, (err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(load, [load, chosen]);

  if (chosen !== null) return <HandoutDesk handoutId={chosen} onBack={() => go('handouts')} />;
  return (
    <section aria-labelledby="handouts-title">
      <header className="screen-head">
        <h1 id="handouts-title">Hand-outs</h1>
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New hand-out
          </button>
        )}
      </header>
      <ErrorText message={error} />
      {creating && <HandoutForm onCancel={() => setCreating(false)} onCreated={(h) => go('handouts', { handoutId: h.id })} />}
      {handouts && handouts.length === 0 && !creating && <p className="empty">No hand-outs yet. A hand-out takes cards from stock for an event, by count or from a recipient list.</p>}
      {handouts && handouts.length > 0 && (
        <table className="table">
          <caption>Every hand-out, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Hand-out</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">Issued</th>
              <th scope="col" className="num">Remaining</th>
              <th scope="col" className="num">Returned</th>
              <th scope="col" className="num">Void</th>
              <th scope="col">Value issued</th>
              <th scope="col">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {handouts.map((h) => (
              <tr key={h.id}>
                <th scope="row">
                  {h.name}
                  <div className="muted small">
                    {h.source === 'recipients' ? 'recipient list' : 'by count'}
                    {h.place ? ` · ${h.place}` : ''}
                  </div>
                </th>
                <td className="nowrap">{h.eventDate ?? '—'}</td>
                <td className="num">{h.issued}</td>
                <td className="num">{h.reserved}</td>
                <td className="num">{h.returned}</td>
                <td className="num">{h.void}</td>
                <td>{h.values.map((v) => formatMoney(v.issuedCents, v.currency)).join(' + ') || '—'}</td>
                <td>
                  <button type="button" onClick={() => go('handouts', { handoutId: h.id })} aria-label={`Open ${h.name}`}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
