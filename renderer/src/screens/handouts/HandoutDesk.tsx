import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { HandoutDetailView, IssueOutcomeView } from '../../../../shared/ipc/custody-views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, formatTime, plural } from '../../lib/format';
import { CardOutputs } from '../orders/CardOutputs';
import { HandoutBalances } from './HandoutBalances';
import { HandoutCards } from './HandoutCards';
import { issueWords } from './issue-words';

/** A typed number this short is the card number's last digits; anything else is what a scanner typed. */
const LAST_DIGITS = /^\d{2,8}$/;

/**
 * The desk at the event: a field that always has the focus, for a USB scanner (it types the barcode's value, then
 * Enter) or the last digits typed by hand; what happened, in big type; the counters; and after the event, the rest
 * back to stock in one step and the record to print.
 */
export function HandoutDesk({ handoutId, onBack }: { handoutId: number; onBack(): void }) {
  const [detail, setDetail] = useState<HandoutDetailView | null>(null);
  const [value, setValue] = useState('');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<IssueOutcomeView | null>(null);
  const [confirmReturn, setConfirmReturn] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const load = useCallback(() => call(api().handouts.show({ handoutId })).then(setDetail, (err: unknown) => setError(messageOf(err))), [handoutId]);
  useEffect(() => void load(), [load]);
  useEffect(() => field.current?.focus(), [detail === null]);

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    const typed = value.trim();
    setValue('');
    field.current?.focus();
    if (!typed) return;
    setError(null);
    try {
      const request = LAST_DIGITS.test(typed) ? { lastDigits: typed } : { scan: typed };
      setOutcome(await call(api().handouts.issue({ handoutId, ...request, to: to.trim() || null })));
      setTo('');
      await load();
    } catch (err) {
      setOutcome(null);
      setError(messageOf(err));
    }
  };
  const returnRest = async () => {
    setConfirmReturn(false);
    try {
      const back = await call(api().handouts.returnRest({ handoutId }));
      setStatus(`${plural(back.returnedNow, 'card')} went back to stock.`);
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const saveRecord = async () => {
    try {
      const r = await call(api().handouts.record({ handoutId }));
      setStatus(r.done ? `Hand-out record of ${plural(r.cards, 'card')} saved.` : 'Nothing was saved.');
    } catch (err) {
      setError(messageOf(err));
    }
  };

  if (!detail) return <ErrorText message={error} />;
  const words = outcome ? issueWords(outcome) : null;
  return (
    <section className="desk" aria-labelledby="desk-title">
      <header className="screen-head">
        <div>
          <button type="button" className="link" onClick={onBack}>
            ← All hand-outs
          </button>
          <h1 id="desk-title">{detail.name}</h1>
          <p className="muted">
            {[detail.eventDate, detail.place, detail.source === 'recipients' ? `recipient list of ${detail.recipients.length}` : null].filter(Boolean).join(' · ')}
          </p>
        </div>
        <dl className="counters">
          <div>
            <dt>Issued</dt>
            <dd aria-label="Issued">{detail.issued}</dd>
          </div>
          <div>
            <dt>Remaining</dt>
            <dd aria-label="Remaining">{detail.reserved}</dd>
          </div>
          {detail.returned > 0 && (
            <div>
              <dt>Returned</dt>
              <dd>{detail.returned}</dd>
            </div>
          )}
          {detail.void > 0 && (
            <div>
              <dt>Void</dt>
              <dd>{detail.void}</dd>
            </div>
          )}
        </dl>
      </header>

      <form className="panel scan" onSubmit={(e) => void issue(e)} aria-label="Issue a card">
        <div className="scan-fields">
          <div className="field grow">
            <label htmlFor="scan-input">Scan a card, or type the last digits of its number, then Enter</label>
            <input id="scan-input" ref={field} className="scan-input" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} disabled={detail.reserved === 0 && detail.issued === 0} />
          </div>
          <div className="field">
            <label htmlFor="scan-to">To (optional)</label>
            <input id="scan-to" list="recipient-names" value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" />
            <datalist id="recipient-names">
              {detail.recipients.map((r) => (
                <option key={r.id} value={r.name} />
              ))}
            </datalist>
          </div>
          {/* With two fields a form submits on Enter only when it has a submit button: the scanner's Enter needs it. */}
          <button type="submit" className="primary scan-submit" disabled={detail.reserved === 0 && detail.issued === 0}>
            Issue
          </button>
        </div>
        <div className={`outcome ${words?.tone ?? 'idle'}`} role="status" aria-live="assertive" aria-label="Outcome">
          {words ? (
            <>
              <p className="outcome-headline">{words.headline}</p>
              <p className="outcome-detail">{words.detail}</p>
            </>
          ) : (
            <p className="outcome-detail">Ready: {plural(detail.reserved, 'card')} to hand out.</p>
          )}
        </div>
      </form>
      <ErrorText message={error} />
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}

      <div className="actions">
        {confirmReturn ? (
          <>
            <span>
              Return the {plural(detail.reserved, 'card')} not handed out to stock?
            </span>
            <button type="button" className="primary" onClick={() => void returnRest()}>
              Yes, return them
            </button>
            <button type="button" onClick={() => setConfirmReturn(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmReturn(true)} disabled={detail.reserved === 0}>
            Return the rest to stock
          </button>
        )}
        <button type="button" onClick={() => void saveRecord()}>
          Save hand-out record (PDF)…
        </button>
      </div>
      <p className="muted small">
        Value issued: {detail.values.map((v) => formatMoney(v.issuedCents, v.currency)).join(' + ') || '—'}; sheets and files made: {detail.copies}
        {detail.returnedAt ? `; rest returned at ${formatTime(detail.returnedAt)}` : ''}.
      </p>
      {/* Closing the print panel hands the focus back to the scan field: the next person in the queue is scanned. */}
      <CardOutputs target={{ handoutId }} idBase={`handout-${handoutId}`} onClosed={() => field.current?.focus()} />
      <HandoutBalances handoutId={handoutId} />
      <HandoutCards detail={detail} onChanged={() => void load()} onError={setError} />
    </section>
  );
}


