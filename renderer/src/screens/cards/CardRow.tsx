import { memo, useState } from 'react';
import { CUSTODY_LABELS } from '../../../../shared/custody-state-machine';
import type { CardView, RevealedCard } from '../../../../shared/ipc/views';
import { messageOf } from '../../lib/api';
import { copySecret } from '../../lib/clipboard';
import { formatExpiry, formatMoney } from '../../lib/format';
import { useNow } from '../../lib/use-now';

export const ROW_HEIGHT = 44;

interface Props {
  card: CardView;
  top: number;
  index: number;
  revealed: { card: RevealedCard; until: number } | null;
  onReveal(id: number): Promise<void>;
  onHide(id: number): void;
}

export const CardRow = memo(function CardRow({ card, top, index, revealed, onReveal, onHide }: Props) {
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
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="mono">
        {revealed ? revealed.card.number ?? '—' : (card.maskedNumber ?? '—')}
      </span>
      <span role="cell" className="mono">
        {revealed ? revealed.card.pin ?? '—' : (card.maskedPin ?? '—')}
      </span>
      <span role="cell">{formatMoney(card.amountCents, card.currency)}</span>
      <span role="cell" className="clip" title={card.productName ?? card.sku ?? ''}>
        {card.productName ?? card.sku ?? '—'}
      </span>
      <span role="cell">#{card.orderId}</span>
      <span role="cell" className="clip" title={card.custody?.issuedTo ? `to ${card.custody.issuedTo}` : undefined}>
        {card.custody ? CUSTODY_LABELS[card.custody.state] : '—'}
        {card.custody?.printedExportedAt ? ' · held back' : ''}
      </span>
      <span role="cell">{formatExpiry(card.expiry)}</span>
      <span role="cell" className="row-actions">
        {revealed ? (
          <>
            <Countdown until={revealed.until} />
            <button type="button" onClick={() => copy('number', revealed.card.number)} aria-label={`Copy number of ${label}`}>
              Copy no.
            </button>
            <button type="button" onClick={() => copy('PIN', revealed.card.pin)} aria-label={`Copy PIN of ${label}`} disabled={!revealed.card.pin}>
              Copy PIN
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

