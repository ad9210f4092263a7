import { useEffect, useRef, useState } from 'react';
import { CARD_STOCK_LAYOUTS, EXPORT_FORMATS, LAYOUT_WORDS, SHEET_LAYOUTS } from '../../../../shared/card-outputs';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { plural } from '../../lib/format';
import { withPasscode } from '../../lib/with-passcode';
import { useApp } from '../../state/app-store';
import { ShownPassphrase } from './ShownPassphrase';
import { useSheetJob } from './use-sheet-job';

/** Above this many pages a sheet is a real print job (paper, toner, an hour at the printer): asked for first. */
const CONFIRM_ABOVE_PAGES = 100;

type SheetAction = 'preview' | 'print' | 'save';
type Format = (typeof EXPORT_FORMATS)[number];

const FORMAT_LABEL: Record<Format, string> = {
  xlsx: 'Excel workbook — for spreadsheets',
  zip: 'CSV in an AES-256 ZIP — for programs',
  age: 'CSV in an age file — for programs',
  pdf: 'PDF sheet with a password',
};

/** A spreadsheet opening the CSV rounds card numbers and drops the PIN's leading zeros: say so where it is chosen. */
const FORMAT_HINT: Record<Format, string> = {
  xlsx: 'Opens in Excel or LibreOffice with the passphrase; every card number, PIN and barcode is kept as text, digit for digit.',
  zip: 'The CSV is for programs, not spreadsheets: Excel and LibreOffice round long card numbers and drop leading zeros. Use the Excel workbook to open cards in a spreadsheet. The ZIP opens in 7-Zip, WinZip or Keka.',
  age: 'The CSV is for programs, not spreadsheets: Excel and LibreOffice round long card numbers and drop leading zeros. Use the Excel workbook to open cards in a spreadsheet. Opened with age -d.',
  pdf: 'The card sheet, AES-256, to print or to read on screen, opened with the passphrase.',
};

type Layout = (typeof SHEET_LAYOUTS)[number];

/** Whose cards: an order's, or a hand-out's (which may carry a line of the business's own words on each card). */
export type OutputsTarget = { orderId: number } | { handoutId: number };

/** Printing a card sheet and saving an encrypted card file; main asks where, and says only whether it happened. */
export function CardOutputs({ target, idBase, open = false, onClosed }: { target: OutputsTarget; idBase: string; open?: boolean; onClosed?(): void }) {
  const defaults = useApp((s) => s.settings);
  const [layout, setLayout] = useState<Layout>(defaults?.defaultLayout ?? 'a4-10');
  const [message, setMessage] = useState('');
  const handout = 'handoutId' in target;
  const [scratch, setScratch] = useState(defaults?.defaultScratch ?? false);
  const [plan, setPlan] = useState<{ cards: number; pages: number } | null>(null);
  const [confirming, setConfirming] = useState<SheetAction | null>(null);
  const job = useSheetJob();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [statusFor, setStatusFor] = useState<'sheet' | 'export'>('sheet');
  /** The logo main keeps for this window: its file's name, to show, and the id a sheet request names it by. */
  const [logo, setLogo] = useState<{ id: string; name: string } | null>(null);
  const [format, setFormat] = useState<Format>('xlsx');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<SheetAction | 'export' | 'logo' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [shownOnce, setShownOnce] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);
  const id = (name: string) => `${idBase}-${name}`;
  const targetKey = JSON.stringify(target);
  useEffect(() => {
    let current = true;
    void call(api().cards.sheetPlan({ ...target, layout })).then(
      (p) => current && setPlan(p),
      () => current && setPlan(null),
    );
    return () => {
      current = false;
    };
    // `targetKey` stands for `target`, whose identity changes on every render.
  }, [targetKey, layout]);
  // The outcome shows beside the buttons that asked for it, and is brought into view (at 1024×768 too).
  useEffect(() => {
    statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [status, shownOnce]);

  const run = async (what: SheetAction | 'export' | 'logo', work: () => Promise<string | null>) => {
    setBusy(what);
    setConfirming(null);
    setStatusFor(what === 'export' ? 'export' : 'sheet');
    setError(null);
    setStatus(null);
    setShownOnce(null);
    try {
      setStatus(await work());
    } catch (err) {
      setError({ message: messageOf(err), field: err instanceof UiError ? err.field : undefined });
    } finally {
      setBusy(null);
    }
  };
  const sheet = (action: SheetAction, confirmed = false) => {
    if (!confirmed && plan && plan.pages > CONFIRM_ABOVE_PAGES) return setConfirming(action);
    return run(action, async () => {
      const r = await job.run((jobId) =>
        withPasscode(() =>
          'handoutId' in target
            ? api().handouts.sheet({ handoutId: target.handoutId, layout, scratch, action, message: message.trim() || null, logo: logo?.id ?? null, jobId })
            : api().cards.sheet({ orderId: target.orderId, layout, scratch, action, logo: logo?.id ?? null, jobId }),
        ),
      );
      if (!r.done) {
        if (r.reason === 'stopped') return 'Stopped. Nothing was saved or printed, and no part of the sheet was left behind.';
        return r.reason === 'cancelled' ? 'Nothing was saved or printed.' : `Not done: ${r.reason ?? 'unknown reason'}.`;
      }
      const pages = plan ? ` on ${plural(plan.pages, 'page')}` : '';
      return action === 'save' ? `Sheet of ${plural(r.cards, 'card')}${pages} saved.` : action === 'print' ? `Sheet of ${plural(r.cards, 'card')}${pages} sent to the printer.` : null;
    });
  };
  const chooseLogo = () =>
    run('logo', async () => {
      const chosen = (await call(api().cards.chooseLogo({}))).logo;
      if (chosen) setLogo(chosen);
      return null;
    });
  const alignment = () =>
    run('save', async () => {
      const r = await call(api().cards.alignmentPage({ layout }));
      return r.done ? `Alignment test page of ${LAYOUT_WORDS[layout]} saved: print it at 100 % on plain paper and hold it against the card stock.` : 'Nothing was saved.';
    });
  const exportFile = () =>
    run('export', async () => {
      const secret = passphrase ? { passphrase } : {};
      const r = await job.run((jobId) =>
        withPasscode(() =>
          'handoutId' in target
            ? api().handouts.export({ handoutId: target.handoutId, format, ...secret, jobId })
            : api().cards.export({ orderId: target.orderId, format, ...secret, jobId }),
        ),
      );
      setPassphrase('');
      if (!r.done) return r.reason === 'stopped' ? 'Stopped. No card file was saved, and no part of it was left behind.' : 'Nothing was saved.';
      setShownOnce(r.generatedPassphrase);
      return `Encrypted file of ${r.cards.toLocaleString()} cards saved.`;
    });

  return (
    <details className="outputs" open={open} onToggle={(e) => !e.currentTarget.open && onClosed?.()}>
      <summary>Print or export cards</summary>
      <div className="outputs-grid">
        <fieldset>
          <legend>Card sheet</legend>
          <Field id={id('layout')} label="Layout" error={error?.field === 'layout' ? error.message : null}>
            <select id={id('layout')} value={layout} onChange={(e) => setLayout(e.target.value as Layout)}>
              {SHEET_LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {LAYOUT_WORDS[l]}
                </option>
              ))}
            </select>
          </Field>
          <p className="hint sheet-plan" aria-live="polite">
            {plan ? `${plural(plan.cards, 'card')} on ${plural(plan.pages, 'page')}.` : ''}
          </p>
          {handout && (
            <Field id={id('message')} label="Your line on each card" hint='For example "Thank you for volunteering!" (up to 80 characters).' error={error?.field === 'message' ? error.message : null}>
              <input id={id('message')} maxLength={80} value={message} onChange={(e) => setMessage(e.target.value)} />
            </Field>
          )}
          <div className="field" role="group" aria-labelledby={id('logo')}>
            <span id={id('logo')} className="field-label">
              Logo on each card
            </span>
            <div className="logo-choice">
              <button type="button" onClick={() => void chooseLogo()} disabled={busy !== null}>
                Logo…
              </button>
              {logo ? (
                <>
                  <span className="logo-name" title={logo.name}>
                    {logo.name}
                  </span>
                  <button type="button" className="link" onClick={() => setLogo(null)} disabled={busy !== null}>
                    Remove logo
                  </button>
                </>
              ) : (
                <span className="hint">No logo</span>
              )}
            </div>
            <p className="hint">A PNG or JPEG, printed in each card’s top corner.</p>
            <ErrorText message={error?.field === 'logo' ? error.message : null} />
          </div>
          <label className="check">
            <input type="checkbox" checked={scratch} onChange={(e) => setScratch(e.target.checked)} /> Scratch-off box instead of the PIN
          </label>
          <div className="actions">
            <button type="button" onClick={() => void sheet('preview')} disabled={busy !== null}>
              {busy === 'preview' ? 'Preparing…' : 'Preview'}
            </button>
            <button type="button" onClick={() => void sheet('print')} disabled={busy !== null}>
              {busy === 'print' ? 'Preparing…' : 'Print…'}
            </button>
            <button type="button" onClick={() => void sheet('save')} disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save PDF…'}
            </button>
            {(CARD_STOCK_LAYOUTS as readonly string[]).includes(layout) && (
              <button type="button" onClick={() => void alignment()} disabled={busy !== null}>
                Alignment test page…
              </button>
            )}
          </div>
          {confirming && plan && (
            <div className="confirm-big" role="alertdialog" aria-labelledby={id('confirm')}>
              <p id={id('confirm')}>
                This sheet is {plural(plan.pages, 'page')} ({plural(plan.cards, 'card')}). {confirming === 'preview' ? 'Preview' : confirming === 'print' ? 'Print' : 'Save'} all of it?
              </p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => void sheet(confirming, true)}>
                  {confirming === 'preview' ? 'Preview' : confirming === 'print' ? 'Print' : 'Save'} {plural(plan.pages, 'page')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  Don’t
                </button>
              </div>
            </div>
          )}
          {busy !== 'export' && <JobProgress job={job} making="the card sheet" />}
          {statusFor === 'sheet' && status && (
            <p className="notice" role="status" ref={statusRef}>
              {status}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>Encrypted card file</legend>
          <Field id={id('format')} label="Format" hint={FORMAT_HINT[format]}>
            <select id={id('format')} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABEL[f]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={id('passphrase')}
            label="Passphrase"
            hint="Leave empty and Giftdesk makes a strong one and shows it once. A typed one must be hard to guess: four or five unrelated words."
            error={error?.field === 'passphrase' ? error.message : null}
          >
            <input id={id('passphrase')} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="button" onClick={() => void exportFile()} disabled={busy !== null}>
              {busy === 'export' ? 'Encrypting…' : 'Export…'}
            </button>
          </div>
          {busy === 'export' && <JobProgress job={job} making="the card file" />}
          {statusFor === 'export' && status && (
            <p className="notice" role="status" ref={statusRef}>
              {status}
            </p>
          )}
          {shownOnce && <ShownPassphrase passphrase={shownOnce} />}
        </fieldset>
      </div>
      <ErrorText message={error && !['layout', 'passphrase', 'message', 'logo'].includes(error.field ?? '') ? error.message : null} />
    </details>
  );
}

/** How far the sheet or card file being made is, with Cancel (the worker stops and removes its unfinished file). */
function JobProgress({ job, making }: { job: ReturnType<typeof useSheetJob>; making: string }) {
  if (!job.progress) return null;
  return (
    <div className="progress sheet-progress">
      <div className="progress-track" role="progressbar" aria-label={`Making ${making}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.percent}>
        <div className="progress-fill" style={{ width: `${job.percent}%` }} />
      </div>
      <span className="progress-text">
        Making {making}: {job.progress.cards.toLocaleString()} of {(job.progress.total ?? 0).toLocaleString()} cards
      </span>
      <button type="button" onClick={() => void job.cancel()} disabled={job.cancelling}>
        {job.cancelling ? 'Stopping…' : 'Cancel'}
      </button>
    </div>
  );
}
