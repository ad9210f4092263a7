import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { SETTLED_STATES } from '../../../../shared/order-state-machine';
import type { HistoryRowView } from '../../../../shared/ipc/views';
import { NextCheck } from '../../components/NextCheck';
import { AccountEnvironmentBadge } from '../../components/EnvironmentBadge';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime, formatDay, formatMoney } from '../../lib/format';

const ROW_HEIGHT = 52;

interface Props {
  rows: HistoryRowView[];
  hasMore: boolean;
  loadMore(): void;
  open(orderId: number): void;
  /** Said inside the table when it has no row. */
  empty: string;
}

/**
 * The order history as a table of any length: only the rows in view are in the page, more are asked for near the
 * end, and a row renders again only when its own order changes (the countdown in it has its own clock).
 */
export function HistoryTable({ rows, hasMore, loadMore, open, empty }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length + (hasMore ? 1 : 0), getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 1 && hasMore) loadMore();
  }, [last?.index, rows.length, hasMore, loadMore]);

  // Up and down move between rows (scrolling the next one into the page first), Enter opens the order.
  const onKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, index: number, orderId: number) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(orderId);
        return;
      }
      const to = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : null;
      if (to === null || to < 0 || to >= rows.length) return;
      e.preventDefault();
      virtualizer.scrollToIndex(to);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus());
    },
    [open, rows.length, virtualizer],
  );

  return (
    <div className="history-table" role="table" aria-label="Orders" aria-rowcount={rows.length + 1}>
      <div className="history-row head" role="row">
        <span role="columnheader">Order</span>
        <span role="columnheader">Placed</span>
        <span role="columnheader">Account</span>
        <span role="columnheader" className="num">
          Cards
        </span>
        <span role="columnheader" className="num">
          Value
        </span>
        <span role="columnheader">State</span>
      </div>
      <div className="card-scroll" ref={scroller}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <HistoryRow key={row.id} row={row} index={item.index} start={item.start} onOpen={open} onKey={onKey} />
            ) : (
              <div key="more" className="history-row loading" role="row" style={{ transform: `translateY(${item.start}px)` }}>
                <span role="cell">Loading more orders…</span>
              </div>
            );
          })}
        </div>
        {!hasMore && rows.length === 0 && <p className="empty">{empty}</p>}
      </div>
    </div>
  );
}

interface RowProps {
  row: HistoryRowView;
  index: number;
  start: number;
  onOpen(orderId: number): void;
  onKey(e: KeyboardEvent<HTMLDivElement>, index: number, orderId: number): void;
}

const HistoryRow = memo(function HistoryRow({ row, index, start, onOpen, onKey }: RowProps) {
  const settled = SETTLED_STATES.includes(row.state);
  const title = row.name ?? row.clientReference;
  return (
    <div
      className={`history-row${index % 2 ? ' odd' : ''}${row.state === 'needs-attention' || row.state === 'failed' ? ' attention' : ''}`}
      role="row"
      tabIndex={0}
      data-index={index}
      data-order={row.id}
      aria-label={`Order ${row.id} ${title}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => onKey(e, index, row.id)}
    >
      <span role="cell" className="order-cell">
        <span className={`clip title${row.name ? '' : ' mono'}`} title={row.memo ?? title}>
          {title}
        </span>
        <span className="clip muted small">
          #{row.id} · {row.product}
          {row.lines > 1 ? ` + ${row.lines - 1} more` : ''}
        </span>
      </span>
      <span role="cell" className="clip" title={formatDateTime(row.createdAt)}>
        {formatDay(row.createdAt)}
      </span>
      <span role="cell" className="account-cell">
        <span className="clip">{row.accountName ?? 'Removed account'}</span>
        <AccountEnvironmentBadge accountId={row.accountId} />
      </span>
      <span role="cell" className="num">
        {row.cardsStored === row.quantity ? row.quantity.toLocaleString() : `${row.cardsStored.toLocaleString()} / ${row.quantity.toLocaleString()}`}
      </span>
      <span role="cell" className="num">
        {formatMoney(row.totalCents, row.currency)}
      </span>
      <span role="cell" className="state-cell">
        <StateBadge state={row.state} />
        {!settled && row.nextPollAt !== null && (
          <span className="muted small">
            check <NextCheck at={row.nextPollAt} />
          </span>
        )}
      </span>
    </div>
  );
});
