import { useEffect, useState } from 'react';
import type { SpendRowView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, plural } from '../../lib/format';

type By = 'account' | 'product' | 'month';
const BY: { by: By; label: string }[] = [
  { by: 'account', label: 'Account' },
  { by: 'product', label: 'Product' },
  { by: 'month', label: 'Month' },
];

const two = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

/** For the bookkeeper: spend over a range of days, grouped as asked, and the files to hand over. */
export function ReportsScreen() {
  const now = new Date();
  const [from, setFrom] = useState(isoDay(new Date(now.getFullYear(), 0, 1)));
  const [to, setTo] = useState(isoDay(now));
  const [by, setBy] = useState<By[]>(['account', 'month']);
  const [rows, setRows] = useState<SpendRowView[] | null>(null);
  /** The groups the rows shown are by (none asked for: main groups by account and month). */
  const [shownBy, setShownBy] = useState<By[]>(by);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const show = async () => {
    setError(null);
    try {
      const report = await call(api().reports.spend({ from, to, by }));
      setShownBy(report.by);
      setRows(report.rows);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  useEffect(() => void show(), []);

  const save = async (what: 'spend' | 'orders', format: 'csv' | 'xlsx') => {
    setError(null);
    setNotice(null);
    try {
      const saved = await call(what === 'spend' ? api().reports.saveSpend({ from, to, by, format }) : api().reports.saveOrders({ from, to, format }));
      if (saved.done) setNotice(`Saved ${plural(saved.rows, 'row')} to ${saved.fileName}. It holds no card numbers or PINs.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const toggle = (d: By) => setBy((b) => (b.includes(d) ? b.filter((x) => x !== d) : [...b, d]));
  const totals = new Map<string, number>();
  for (const r of rows ?? []) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.spendCents);

  return (
    <section aria-labelledby="reports-title">
      <header className="screen-head">
        <h1 id="reports-title">Reports</h1>
      </header>
      <p className="muted">
        Spend is the face value of the orders the providers accepted, less what was reversed, dated by when they were accepted (this computer’s time zone). Failed orders were never charged, and sandbox
        orders cost nothing: neither is counted.
      </p>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
        aria-label="Spend report"
      >
        <div className="field">
          <label htmlFor="report-from">From</label>
          <input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="report-to">To</label>
          <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <fieldset className="field by-choice">
          <legend>Group by</legend>
          {BY.map((b) => (
            <label key={b.by} className="check">
              <input type="checkbox" checked={by.includes(b.by)} onChange={() => toggle(b.by)} /> {b.label}
            </label>
          ))}
        </fieldset>
        <div className="field buttons">
          <button type="submit" className="primary">
            Show spend
          </button>
        </div>
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorText message={error} />
      <div className="buttons report-files">
        <button type="button" onClick={() => void save('spend', 'xlsx')}>
          Save spend as XLSX…
        </button>
        <button type="button" onClick={() => void save('spend', 'csv')}>
          Save spend as CSV…
        </button>
        <button type="button" onClick={() => void save('orders', 'xlsx')}>
          Save order history as XLSX…
        </button>
        <button type="button" onClick={() => void save('orders', 'csv')}>
          Save order history as CSV…
        </button>
      </div>
      {rows && rows.length === 0 && <p className="empty">No accepted orders in these days.</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="table compact" aria-label="Spend">
            <thead>
              <tr>
                {shownBy.includes('account') && <th scope="col">Account</th>}
                {shownBy.includes('product') && <th scope="col">Product</th>}
                {shownBy.includes('month') && <th scope="col">Month</th>}
                <th scope="col" className="num">
                  Orders
                </th>
                <th scope="col" className="num">
                  Cards
                </th>
                <th scope="col" className="num">
                  Accepted
                </th>
                <th scope="col" className="num">
                  Reversed
                </th>
                <th scope="col" className="num">
                  Spend
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.account}|${r.sku}|${r.month}|${r.currency}`}>
                  {shownBy.includes('account') && <td>{r.account}</td>}
                  {shownBy.includes('product') && <td>{r.product}</td>}
                  {shownBy.includes('month') && <td className="nowrap">{r.month}</td>}
                  <td className="num">{r.orders.toLocaleString()}</td>
                  <td className="num">{r.cards.toLocaleString()}</td>
                  <td className="num">{formatMoney(r.acceptedCents, r.currency)}</td>
                  <td className="num">{formatMoney(r.reversedCents, r.currency)}</td>
                  <td className="num strong">{formatMoney(r.spendCents, r.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {[...totals].map(([currency, cents]) => (
                <tr key={currency}>
                  <th scope="row" colSpan={shownBy.length + 4}>
                    Total ({currency})
                  </th>
                  <td className="num strong" data-total={currency}>
                    {formatMoney(cents, currency)}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
