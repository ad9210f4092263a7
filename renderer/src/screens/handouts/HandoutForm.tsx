import { useEffect, useState, type FormEvent } from 'react';
import type { HandoutSummaryView, StockLineView } from '../../../../shared/ipc/custody-views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { formatMoney } from '../../lib/format';

type Take = { line: string; count: string };
const keyOf = (l: StockLineView) => `${l.accountId}|${l.sku}|${l.amountCents}`;

/** A new hand-out: its name, day, place and note, and its cards by count or from a recipient list (CSV). */
export function HandoutForm({ onCancel, onCreated }: { onCancel(): void; onCreated(h: HandoutSummaryView): void }) {
  const [stock, setStock] = useState<StockLineView[]>([]);
  const [details, setDetails] = useState({ name: '', eventDate: '', place: '', note: '' });
  const [mode, setMode] = useState<'count' | 'recipients'>('count');
  const [takes, setTakes] = useState<Take[]>([{ line: '', count: '' }]);
  const [csv, setCsv] = useState<{ name: string; text: string; rows: number; errors: { row: number; field: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);
  useEffect(() => {
    void call(api().custody.stock({})).then((s) => setStock(s.lines.filter((l) => l.counts['in-stock'] - l.heldBack > 0)), () => undefined);
  }, []);

  const readCsv = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const checked = await call(api().custody.checkRecipients({ text }));
    setCsv({ name: file.name, text, ...checked });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const chosen = takes.filter((t) => t.line || t.count);
    const lines = chosen.map((t) => {
      const l = stock.find((s) => keyOf(s) === t.line);
      return { l, count: Number(t.count) };
    });
    if (mode === 'count' && (lines.length === 0 || lines.some((x) => !x.l))) return setError({ message: 'Choose a product and value for each line.', field: 'take' });
    if (mode === 'count' && lines.some((x) => !Number.isInteger(x.count) || x.count < 1)) return setError({ message: 'Give a whole number of cards (1 or more) on each line.', field: 'take' });
    const accounts = new Set(lines.map((x) => x.l!.accountId));
    setBusy(true);
    try {
      const made = await call(
        api().handouts.create({
          name: details.name,
          eventDate: details.eventDate || null,
          place: details.place || null,
          note: details.note || null,
          ...(mode === 'count'
            ? { take: lines.map((x) => ({ sku: x.l!.sku, amountCents: x.l!.amountCents, count: x.count })), accountId: accounts.size === 1 ? [...accounts][0]! : null }
            : { recipientsCsv: csv?.text ?? '' }),
        }),
      );
      onCreated(made);
    } catch (err) {
      setError({ message: messageOf(err), field: err instanceof UiError ? err.field : undefined });
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof details) => (e: { target: { value: string } }) => setDetails({ ...details, [k]: e.target.value });
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  return (
    <form className="panel handout-form" onSubmit={(e) => void submit(e)} aria-label="New hand-out">
      <h2>New hand-out</h2>
      <div className="grid2">
        <Field id="handout-name" label="Name" error={fieldError('name')}>
          <input id="handout-name" value={details.name} onChange={set('name')} required maxLength={100} />
        </Field>
        <Field id="handout-date" label="Date" error={fieldError('eventDate')}>
          <input id="handout-date" type="date" value={details.eventDate} onChange={set('eventDate')} />
        </Field>
        <Field id="handout-place" label="Place">
          <input id="handout-place" value={details.place} onChange={set('place')} maxLength={200} />
        </Field>
        <Field id="handout-note" label="Note">
          <input id="handout-note" value={details.note} onChange={set('note')} maxLength={1000} />
        </Field>
      </div>
      <fieldset>
        <legend>Cards</legend>
        <div className="segmented">
          <label className={mode === 'count' ? 'on' : ''}>
            <input type="radio" name="handout-mode" checked={mode === 'count'} onChange={() => setMode('count')} /> By count
          </label>
          <label className={mode === 'recipients' ? 'on' : ''}>
            <input type="radio" name="handout-mode" checked={mode === 'recipients'} onChange={() => setMode('recipients')} /> From a recipient list
          </label>
        </div>
        {mode === 'count' ? (
          <div className="take-lines">
            {takes.map((t, i) => (
              <div className="take-line" key={i}>
                <Field id={`take-line-${i}`} label={`Product and value${takes.length > 1 ? ` (line ${i + 1})` : ''}`}>
                  <select id={`take-line-${i}`} value={t.line} onChange={(e) => setTakes(takes.map((x, j) => (j === i ? { ...x, line: e.target.value } : x)))}>
                    <option value="">Choose…</option>
                    {stock.map((l) => (
                      <option key={keyOf(l)} value={keyOf(l)}>
                        {l.productName ?? l.sku} {formatMoney(l.amountCents, l.currency)} — {l.counts['in-stock'] - l.heldBack} in stock ({l.accountName})
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`take-count-${i}`} label="Cards">
                  <input id={`take-count-${i}`} inputMode="numeric" value={t.count} onChange={(e) => setTakes(takes.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)))} />
                </Field>
              </div>
            ))}
            <button type="button" onClick={() => setTakes([...takes, { line: '', count: '' }])}>
              Add a line
            </button>
            <p className="hint">The cards that expire first are taken. Cards printed or exported before outside a hand-out are held back.</p>
          </div>
        ) : (
          <div>
            <Field id="handout-csv" label="Recipient list (CSV)" hint="Columns name,contact,reference,sku,amount — reference may be empty. One card per row.">
              <input id="handout-csv" type="file" accept=".csv,text/csv" onChange={(e) => void readCsv(e.target.files?.[0])} />
            </Field>
            {csv && csv.errors.length === 0 && (
              <p className="notice" role="status">
                {csv.name}: {csv.rows} recipients, every row readable.
              </p>
            )}
            {csv && csv.errors.length > 0 && (
              <div className="row-errors" role="alert">
                <strong>{csv.name} has {csv.errors.length === 1 ? 'a bad row' : `${csv.errors.length} bad rows`}; nothing is reserved until every row is right:</strong>
                <ul>
                  {csv.errors.slice(0, 20).map((e) => (
                    <li key={`${e.row}-${e.field}`}>
                      Row {e.row}, {e.field}: {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </fieldset>
      <ErrorText message={error && error.field !== 'name' && error.field !== 'eventDate' ? error.message : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (mode === 'recipients' && (!csv || csv.errors.length > 0))}>
          {busy ? 'Reserving…' : 'Create hand-out'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
