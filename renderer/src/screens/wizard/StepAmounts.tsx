import { useState } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useApp } from '../../state/app-store';
import { draftLines, type Draft } from './draft';
import { CsvCheck } from './CsvCheck';
import { valueRule } from './StepProduct';
import { StepHeading } from './StepHeading';

interface Props {
  draft: Draft;
  update(p: Partial<Draft>): void;
  back(): void;
  next(): void;
}

export function StepAmounts({ draft, update, back, next }: Props) {
  const account = useApp((s) => s.accounts.find((a) => a.id === draft.accountId));
  const [error, setError] = useState<{ message: string; field: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const currency = account?.currency ?? '';

  const chooseFile = async (file: File | undefined) => {
    setError(null);
    if (!file || !draft.accountId) return update({ csv: null });
    setLoading(true);
    try {
      const result = await call(api().orders.parseCsv({ accountId: draft.accountId, text: await file.text() }));
      update({ csv: { fileName: file.name, result } });
    } catch (err) {
      setError({ message: messageOf(err), field: 'csv' });
    } finally {
      setLoading(false);
    }
  };

  const submit = () => {
    const checked = draftLines(draft);
    if ('problem' in checked) return setError({ message: checked.problem, field: checked.field });
    setError(null);
    next();
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  const csv = draft.csv?.result;

  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      {draft.kind === 'single' ? (
        <>
          <StepHeading>{draft.product?.name ?? draft.sku}</StepHeading>
          <div className="grid2">
            <div className="field">
              <label htmlFor="value">Value of each card ({currency})</label>
              {draft.product?.allowedCents ? (
                <select id="value" value={draft.value} onChange={(e) => update({ value: e.target.value })}>
                  <option value="">Choose a value</option>
                  {draft.product.allowedCents.map((c) => (
                    <option key={c} value={(c / 100).toFixed(2)}>
                      {formatMoney(c, currency)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id="value"
                  inputMode="decimal"
                  value={draft.value}
                  onChange={(e) => update({ value: e.target.value })}
                  aria-invalid={fieldError('value') ? true : undefined}
                  aria-describedby="value-hint"
                />
              )}
              <p className="hint" id="value-hint">
                {draft.product ? `Allowed: ${valueRule(draft.product, currency)}` : 'For example 25 or 25.50.'}
              </p>
              <ErrorText message={fieldError('value') ?? fieldError('sku')} />
            </div>
            <div className="field">
              <label htmlFor="quantity">Number of cards</label>
              <input
                id="quantity"
                inputMode="numeric"
                value={draft.quantity}
                onChange={(e) => update({ quantity: e.target.value.replace(/\D/g, '') })}
                aria-invalid={fieldError('quantity') ? true : undefined}
              />
              <p className="hint">Small orders may be filled in real time; larger ones go as a batch that arrives over minutes. The review shows which.</p>
              <ErrorText message={fieldError('quantity')} />
            </div>
          </div>
        </>
      ) : (
        <>
          <StepHeading>Order lines from a CSV file</StepHeading>
          <div className="field">
            <label htmlFor="csv">CSV file (sku, amount, qty — one line per row)</label>
            <input id="csv" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void chooseFile(e.target.files?.[0])} />
            {loading && <p className="muted">Checking the file…</p>}
          </div>
          {csv && draft.csv && <CsvCheck result={csv} fileName={draft.csv.fileName} currency={currency} />}
          <ErrorText message={fieldError('csv')} />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={back}>
          Back
        </button>
        <button type="submit" className="primary" disabled={draft.kind === 'csv' && (!csv || csv.errors.length > 0)}>
          Review
        </button>
      </div>
    </form>
  );
}
