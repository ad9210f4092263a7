import { useCallback, useEffect, useState } from 'react';
import { EXPIRY_DAYS, type ExpiringView } from '../../../../shared/ipc/balance-views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatExpiry, formatMoney, plural } from '../../lib/format';
import { cardReadingWords } from './reading-words';
import { SweepStatus } from './SweepStatus';
import { useSweep } from './use-sweep';

type Days = (typeof EXPIRY_DAYS)[number];
type Group = ExpiringView['inStock'];

/** Which cards expire soon, in stock (hand them out first) and issued (tell the people who got them); and balance checks. */
export function BalancesScreen() {
  const [days, setDays] = useState<Days>(30);
  const [view, setView] = useState<ExpiringView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => call(api().balances.expiring({ days })).then(setView, (err: unknown) => setError(messageOf(err))), [days]);
  useEffect(() => void load(), [load]);
  const sweep = useSweep(() => void load());

  return (
    <section aria-labelledby="balances-title">
      <header className="screen-head">
        <h1 id="balances-title">Balances and expiry</h1>
        {!sweep.running && (
          <button type="button" className="primary" onClick={() => void sweep.start({ kind: 'issued' })}>
            Check every issued card
          </button>
        )}
      </header>
      <p className="muted">
        Balances are asked of the provider at the account's rate (Wpay: 50 a minute), so many cards take a while; the checks carry on if the app closes. Blackhawk
        gives no balance: its cards say so.
      </p>
      {sweep.progress && <SweepStatus progress={sweep.progress} onCancel={() => void sweep.cancel()} />}
      <ErrorText message={sweep.error ?? error} />
      <fieldset className="expiry-choice">
        <legend>Expiring within</legend>
        <div className="segmented">
          {EXPIRY_DAYS.map((d) => (
            <label key={d} className={days === d ? 'on' : ''}>
              <input type="radio" name="expiry-days" checked={days === d} onChange={() => setDays(d)} /> {d} days
            </label>
          ))}
        </div>
      </fieldset>
      {view && (
        <>
          <ExpiringTable title="In stock" hint="Hand these out first." group={view.inStock} until={view.until} />
          <ExpiringTable title="Issued" hint="Already handed out: their holders may want a reminder." group={view.issued} until={view.until} />
        </>
      )}
    </section>
  );
}

function ExpiringTable({ title, hint, group, until }: { title: string; hint: string; group: Group; until: string }) {
  const id = `expiring-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title}: {plural(group.cards, 'card')}
        {group.values.length > 0 ? ` worth ${group.values.map((v) => formatMoney(v.cents, v.currency)).join(' + ')}` : ''}
      </h2>
      {group.cards === 0 ? (
        <p className="empty">None expires by {formatExpiry(until)}.</p>
      ) : (
        <>
          <p className="muted small">{hint}</p>
          <div className="table-scroll">
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Card</th>
                  <th scope="col" className="num">Value</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Balance</th>
                </tr>
              </thead>
              <tbody>
                {group.list.map((c) => (
                  <tr key={c.cardId}>
                    <th scope="row">
                      …{c.last4 ?? '????'} <span className="muted small">#{c.cardId}</span>
                    </th>
                    <td className="num">{formatMoney(c.amountCents, c.currency)}</td>
                    <td>{formatExpiry(c.expiryDate)}</td>
                    <td>{cardReadingWords(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
