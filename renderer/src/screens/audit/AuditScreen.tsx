import { useMemo, useState, type FormEvent } from 'react';
import { ACTION_NAMES, auditSentencesNaming, auditWho } from '../../../../shared/audit-sentences';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTimeSeconds, plural } from '../../lib/format';
import { useKeysetTable } from '../../lib/use-keyset-table';
import { useApp } from '../../state/app-store';
import { useAuditPages, type AuditFilterInput } from './use-audit-pages';

const ROW_HEIGHT = 56;
const ACTIONS = Object.entries(ACTION_NAMES).sort((a, b) => a[1].localeCompare(b[1]));

/** The whole log, newest first, scrolled without a cap: pages come by id as the person scrolls (keyset). */
export function AuditScreen() {
  const [form, setForm] = useState({ action: '', orderId: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilterInput>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const pages = useAuditPages(filter);
  const table = useKeysetTable(pages, ROW_HEIGHT, 10);
  // Each order named by the name it has now (entries written before it was named carry only its reference).
  const orders = useApp((s) => s.orders);
  const auditSentence = useMemo(() => {
    const names = new Map(orders.map((o) => [o.id, o.name]));
    return auditSentencesNaming((id) => names.get(id) ?? null);
  }, [orders]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: AuditFilterInput = {};
    if (form.action) next.actions = [form.action];
    if (form.orderId) next.orderId = Number(form.orderId);
    if (form.from) next.from = form.from;
    if (form.to) next.to = form.to;
    setNotice(null);
    setFilter(next);
  };
  const saveCsv = async () => {
    setSaveError(null);
    setNotice(null);
    try {
      const saved = await call(api().audit.saveCsv(filter));
      if (saved.done) setNotice(`Saved ${plural(saved.rows, 'entry', 'entries')} to ${saved.fileName}.`);
    } catch (err) {
      setSaveError(messageOf(err));
    }
  };

  return (
    <section className="audit-screen" aria-labelledby="audit-title">
      <header className="screen-head">
        <h1 id="audit-title">Audit log</h1>
        <div className="buttons">
          <button type="button" onClick={() => pages.jump('top')} aria-keyshortcuts="Home">
            ↑ Newest
          </button>
          <button type="button" onClick={() => pages.jump('bottom')} aria-keyshortcuts="End">
            ↓ Oldest
          </button>
          <button type="button" onClick={() => void saveCsv()}>
            Export CSV…
          </button>
        </div>
      </header>
      <p className="muted">Every reveal, print, export, order step and setting, newest first. Entries cannot be changed or removed.</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorText message={saveError ?? pages.error} />
      <form className="search" onSubmit={submit} role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">What</label>
          <select id="audit-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">Everything</option>
            {ACTIONS.map(([action, name]) => (
              <option key={action} value={action}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor="audit-order">Order</label>
          <input id="audit-order" inputMode="numeric" pattern="[0-9]*" value={form.orderId} onChange={(e) => setForm({ ...form, orderId: e.target.value.replace(/\D/g, '') })} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <div className="field buttons">
          <button type="submit" className="primary">
            Filter
          </button>
        </div>
      </form>
      <div className="audit-table" role="table" aria-label="Audit entries" aria-busy={pages.loading}>
        <div className="audit-row head" role="row">
          <span role="columnheader">When</span>
          <span role="columnheader">Who</span>
          <span role="columnheader">What happened</span>
        </div>
        <div className="card-scroll" ref={table.scroller} tabIndex={0} onKeyDown={table.onKeyDown} aria-label="Audit entries, scroll for older ones">
          <div role="rowgroup" style={{ height: table.totalSize, position: 'relative' }}>
            {table.items.map((item) => {
              const e = pages.rows[item.index]!;
              return (
                <div key={e.id} className={`audit-row${item.index % 2 ? ' odd' : ''}`} role="row" data-entry={e.id} style={{ transform: `translateY(${item.start}px)` }}>
                  <span role="cell" className="clip">
                    {formatDateTimeSeconds(e.at)}
                  </span>
                  <span role="cell" className="clip">
                    {auditWho(e.actor)}
                  </span>
                  <span role="cell" className="sentence" title={`${auditSentence(e)} (${e.recorded ?? e.action}, ${e.subject})`}>
                    {auditSentence(e)}
                  </span>
                </div>
              );
            })}
          </div>
          {!pages.loading && pages.rows.length === 0 && !pages.error && <p className="empty">Nothing recorded{Object.keys(filter).length > 0 ? ' that matches' : ' yet'}.</p>}
          {!pages.loading && pages.atBottom && pages.rows.length > 0 && <p className="muted end-of-log">That is the oldest entry.</p>}
        </div>
      </div>
    </section>
  );
}
