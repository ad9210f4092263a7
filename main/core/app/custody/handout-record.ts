import path from 'node:path';
import { CUSTODY_LABELS } from '../../../../shared/custody-state-machine';
import { formatExpiry } from '../../../../shared/expiry';
import { formatMoney } from '../../../../shared/money';
import type { Actor } from '../../audit/vocabulary';
import { checkOutPath } from '../../sheets/check-paths';
import type { HandoutRecord } from '../../sheets/handout-record';
import type { AppDeps } from '../app-deps';
import { NO_CARDS, runCardJob } from '../outputs/card-job-source';
import { handoutDetail, type HandoutDetail } from './handout-views';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The printable record of a hand-out (PDF): each card's last four digits, value, recipient, time, a signature column, totals. */
export async function saveHandoutRecord(deps: AppDeps, actor: Actor, handoutId: number, outPath: string): Promise<{ cards: number; pages: number; bytes: number }> {
  checkOutPath(outPath);
  const detail = handoutDetail(deps, handoutId);
  const record = recordOf(detail, deps.clock.now());
  const made = await runCardJob(deps, NO_CARDS, { kind: 'record', outPath, record });
  deps.transaction(() => deps.audit.append(actor, { action: 'handout.record', details: { handoutId, name: detail.name, cards: record.rows.length, file: path.basename(outPath) } }));
  return { cards: record.rows.length, pages: made.pages ?? 0, bytes: made.bytes };
}

export function recordOf(h: HandoutDetail, now: number): HandoutRecord {
  const rows = [...h.cardList]
    .sort((a, b) => (a.issuedAt ?? Infinity) - (b.issuedAt ?? Infinity) || (a.recipient?.rowNo ?? 0) - (b.recipient?.rowNo ?? 0) || a.cardId - b.cardId)
    .map((c) => ({
      last4: c.last4 ?? '—',
      product: c.productName ?? c.sku,
      value: formatMoney(c.amountCents, c.currency),
      state: CUSTODY_LABELS[c.state],
      recipient: c.issuedTo ?? c.recipient?.name ?? '',
      time: c.issuedAt !== null ? time.format(c.issuedAt) : '',
    }));
  const sum = (state: string) => {
    const cards = h.cardList.filter((c) => c.state === state);
    const byCurrency = new Map<string, number>();
    for (const c of cards) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.amountCents);
    return { cards: cards.length, value: [...byCurrency].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ') || formatMoney(0, h.values[0]?.currency ?? 'AUD') };
  };
  const details = [
    h.eventDate ? `Date: ${formatExpiry(h.eventDate)}` : null,
    h.place ? `Place: ${h.place}` : null,
    h.note ? `Note: ${h.note}` : null,
  ].filter((l): l is string => l !== null);
  return {
    title: h.name,
    details,
    madeAt: dateTime.format(now),
    rows,
    totals: [
      { label: 'Issued', ...sum('issued') },
      { label: 'Not handed out (reserved)', ...sum('reserved') },
      { label: 'Void', ...sum('void') },
      ...(h.cancelled > 0 ? [{ label: 'Cancelled (order reversed)', ...sum('cancelled') }] : []),
      ...(h.returned > 0 ? [{ label: 'Returned to stock', cards: h.returned, value: null }] : []),
    ],
  };
}
