import { memo, useState } from 'react';
import { CUSTODY_LABELS } from '../../../../shared/custody-state-machine';
import type { CardView, RevealedCard } from '../../../../shared/ipc/views';
import { AccountEnvironmentBadge } from '../../components/EnvironmentBadge';
import { messageOf } from '../../lib/api';
import { copySecret } from '../../lib/clipboard';
import { formatDateTime, formatDay, formatExpiry, formatMoney } from '../../lib/format';
import { useNow } from '../../lib/use-now';

export const ROW_HEIGHT = 44;

interface Props {
  card: CardView;
  /** Its order as the app names orders (lib/order-label.ts). */
  orderName: string;
  /** Its order's account, for the sandbox/test/live badge (null while the order is not in the window's list). */
  accountId: string | null;
  top: number;
  index: number;
  revealed: { card: RevealedCard; until: number } | null;
  onReveal(id: number): Promise<void>;
  onHide(id: number): void;
}

export const CardRow = memo(function CardRow({ card, orderName, accountId, top, index, revealed, onReveal, onHide }: Props) {
  const [note, setNote] = useState<string | null>(null);
  const label = card.maskedNumber ?? `card ${card.id}`;
  const reveal = () => onReveal(card.id).catch((err: unknown) => setNote(messageOf(err)));
  const copy = (what: 'number' | 'PIN', text: string | null) => {
    if (!text) return;
    copySecret(text).then(
      () => setNote(`${what} copied; the clipboard is cleared in 30 s`),
      () => setNote('Copying is not allowed here.'),
    );
  };
  return (
    <div
      className={`card-row ${index % 2 ? 'odd' : ''} ${revealed ? 'revealed' : ''}`}
      role="row"
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="mono two-line">
        {revealed ? <span className="revealed-number">{revealed.card.number ?? '—'}</span> : <span>{card.maskedNumber ?? '—'}</span>}
        {revealed ? (
          <span className="sub">
            PIN <span>{revealed.card.pin ?? '—'}</span> · <Countdown until={revealed.until} />
          </span>
        ) : (
          card.maskedPin && <span className="sub">PIN {card.maskedPin}</span>
        )}
      </span>
      <span role="cell" className="two-line" title={card.productName ?? card.sku ?? ''}>
        <span>{formatMoney(card.amountCents, card.currency)}</span>
        <span className="sub clip">{card.productName ?? card.sku ?? '—'}</span>
      </span>
      <span role="cell" className="two-line" title={orderName}>
        <span className="clip">{orderName}</span>
        {accountId && (
          <span className="sub">
            <AccountEnvironmentBadge accountId={accountId} />
          </span>
        )}
      </span>
      <span role="cell" className="clip" title={formatDateTime(card.storedAt)}>
        {formatDay(card.storedAt)}
      </span>
      <span role="cell" className="clip">{formatExpiry(card.expiry)}</span>
      <span role="cell" className="clip" title={card.custody?.issuedTo ? `to ${card.custody.issuedTo}` : undefined}>
        {card.custody ? CUSTODY_LABELS[card.custody.state] : '—'}
        {card.custody?.printedExportedAt ? ' · held back' : ''}
      </span>
      <span role="cell" className="row-actions">
        {revealed ? (
          <>
            <span className="copy-label" aria-hidden="true">
              Copy
            </span>
            <button type="button" onClick={() => copy('number', revealed.card.number)} aria-label={`Copy number of ${label}`} title="Copy the number">
              No.
            </button>
            <button type="button" onClick={() => copy('PIN', revealed.card.pin)} aria-label={`Copy PIN of ${label}`} title="Copy the PIN" disabled={!revealed.card.pin}>
              PIN
            </button>
            <button type="button" onClick={() => onHide(card.id)} aria-label={`Hide ${label}`}>
              Hide
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void reveal()} aria-label={`Reveal ${label}`}>
            Reveal
          </button>
        )}
        {note && (
          <span className="row-note" role="status">
            {note}
          </span>
        )}
      </span>
    </div>
  );
});

function Countdown({ until }: { until: number }) {
  const now = useNow(500);
  return <span className="countdown" aria-label="Hides in">{Math.max(0, Math.ceil((until - now) / 1000))} s</span>;
}

