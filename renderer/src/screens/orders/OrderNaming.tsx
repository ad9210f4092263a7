import { useState, type FormEvent } from 'react';
import type { OrderView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf } from '../../lib/api';

/** The order's name and memo, changed in place; main checks them again and writes the change to the audit log. */
export function OrderNaming({ order, saved }: { order: OrderView; saved(order: OrderView): void }) {
  const [name, setName] = useState(order.name ?? '');
  const [memo, setMemo] = useState(order.memo ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const changed = name.trim() !== (order.name ?? '') || memo.trim() !== (order.memo ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const after = await call(api().orders.name({ orderId: order.id, name: name.trim() || null, memo: memo.trim() || null }));
      saved(after);
      setNote('Saved.');
    } catch (err) {
      setError({ message: messageOf(err), field: (err as { field?: string }).field });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel naming-form" aria-labelledby="naming-title" onSubmit={(e) => void submit(e)}>
      <h2 id="naming-title">Name and memo</h2>
      <div className="naming">
        <Field id="page-order-name" label="Name" hint="Shown wherever the order is named." error={error?.field === 'name' ? error.message : null}>
          <input id="page-order-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="page-order-memo" label="Memo" error={error?.field === 'memo' ? error.message : null}>
          <textarea id="page-order-memo" value={memo} maxLength={1000} rows={2} onChange={(e) => setMemo(e.target.value)} />
        </Field>
      </div>
      <ErrorText message={error && error.field !== 'name' && error.field !== 'memo' ? error.message : null} />
      <div className="actions">
        <button type="submit" disabled={busy || !changed}>
          {busy ? 'Saving…' : 'Save name and memo'}
        </button>
        {note && !changed && (
          <span role="status" className="muted">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}
