import { useState } from 'react';
import { CARD_STOCK_LAYOUTS, EXPORT_FORMATS, SHEET_LAYOUTS } from '../../../../shared/card-outputs';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { withPasscode } from '../../lib/with-passcode';

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
  const [layout, setLayout] = useState<Layout>('a4-10');
  const [message, setMessage] = useState('');
  const handout = 'handoutId' in target;
  const [scratch, setScratch] = useState(false);
  /** The logo main keeps for this window: its file's name, to show, and the id a sheet request names it by. */
  const [logo, setLogo] = useState<{ id: string; name: string } | null>(null);
  const [format, setFormat] = useState<Format>('xlsx');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<SheetAction | 'export' | 'logo' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [shownOnce, setShownOnce] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);
  const id = (name: string) => `${idBase}-${name}`;

  const run = async (what: SheetAction | 'export' | 'logo', work: () => Promise<string | null>) => {
    setBusy(what);
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
  const sheet = (action: SheetAction) =>
    run(action, async () => {
      const r = await withPasscode(() =>
        'handoutId' in target
          ? api().handouts.sheet({ handoutId: target.handoutId, layout, scratch, action, message: message.trim() || null, logo: logo?.id ?? null })
          : api().cards.sheet({ orderId: target.orderId, layout, scratch, action, logo: logo?.id ?? null }),
      );
      if (!r.done) return r.reason === 'cancelled' ? 'Nothing was saved or printed.' : `Not done: ${r.reason ?? 'unknown reason'}.`;
      return action === 'save' ? `Sheet of ${r.cards.toLocaleString()} cards saved.` : action === 'print' ? `Sheet of ${r.cards.toLocaleString()} cards sent to the printer.` : null;
    });
  const chooseLogo = () =>
    run('logo', async () => {
      const chosen = (await call(api().cards.chooseLogo({}))).logo;
      if (chosen) setLogo(chosen);
      return null;
    });
  const alignment = () =>
    run('save', async () => {
      const r = await call(api().cards.alignmentPage({ layout }));
      return r.done ? `Alignment test page of ${layout} saved: print it at 100 % on plain paper and hold it against the card stock.` : 'Nothing was saved.';
    });
  const exportFile = () =>
    run('export', async () => {
      const secret = passphrase ? { passphrase } : {};
      const r = await withPasscode(() =>
        'handoutId' in target ? api().handouts.export({ handoutId: target.handoutId, format, ...secret }) : api().cards.export({ orderId: target.orderId, format, ...secret }),
      );
      setPassphrase('');
      if (!r.done) return 'Nothing was saved.';
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
                  {l}
                </option>
              ))}
            </select>
          </Field>
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
        </fieldset>
      </div>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {shownOnce && (
        <p className="notice passphrase" role="status">
          Passphrase, shown this once — give it to the recipient another way than the file: <code aria-label="Generated passphrase">{shownOnce}</code>
        </p>
      )}
      <ErrorText message={error && !['layout', 'passphrase', 'message', 'logo'].includes(error.field ?? '') ? error.message : null} />
    </details>
  );
}
