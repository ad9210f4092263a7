import { CUSTODY_LABELS } from '../../../../shared/custody-state-machine';
import type { HandoutDetailView } from '../../../../shared/ipc/custody-views';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney, formatTime } from '../../lib/format';

const SHOWN = 300;

/** The hand-out's cards, last four digits only, with the two corrections a person may need: put back, void. */
export function HandoutCards({ detail, onChanged, onError }: { detail: HandoutDetailView; onChanged(): void; onError(message: string): void }) {
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (err) {
      onError(messageOf(err));
    }
  };
  const putBack = (cardId: number, last4: string | null) => {
    if (!window.confirm(`Put card ••${last4 ?? '—'} back into the hand-out, as not handed out? This is written to the audit log.`)) return;
    void act(() => call(api().handouts.unissue({ cardId, reason: 'put back at the desk' })));
  };
  const voidCard = (cardId: number, last4: string | null) => {
    const reason = window.prompt(`Why is card ••${last4 ?? '—'} void (lost, damaged, withdrawn)?`);
    if (!reason?.trim()) return;
    void act(() => call(api().handouts.voidCard({ cardId, reason })));
  };
  const cards = detail.cardList;
  return (
    <table className="table compact">
      <caption>
        Cards of this hand-out{cards.length > SHOWN ? ` (the first ${SHOWN} of ${cards.length.toLocaleString()})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Card</th>
          <th scope="col">Value</th>
          <th scope="col">Status</th>
          <th scope="col">Recipient</th>
          <th scope="col">Issued</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cards.slice(0, SHOWN).map((c) => (
          <tr key={c.cardId}>
            <td className="mono">••{c.last4 ?? '—'}</td>
            <td>{formatMoney(c.amountCents, c.currency)}</td>
            <td>
              <span className={`badge custody-${c.state}`}>{CUSTODY_LABELS[c.state]}</span>
              {c.voidReason && <span className="muted small"> {c.voidReason}</span>}
            </td>
            <td>{c.issuedTo ?? c.recipient?.name ?? ''}</td>
            <td>{c.issuedAt !== null ? formatTime(c.issuedAt) : ''}</td>
            <td>
              {/* The flex box inside the cell: a cell that is itself a flex box loses its row's borders. */}
              <div className="row-actions">
                {c.state === 'issued' && (
                  <button type="button" onClick={() => putBack(c.cardId, c.last4)} aria-label={`Put back card ••${c.last4}`}>
                    Put back
                  </button>
                )}
                {(c.state === 'reserved' || c.state === 'issued') && (
                  <button type="button" onClick={() => voidCard(c.cardId, c.last4)} aria-label={`Void card ••${c.last4}`}>
                    Void…
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
