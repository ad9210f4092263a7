import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { KeysetPages } from './use-keyset-pages';

/**
 * A virtualized table over a keyset window (use-keyset-pages.ts): rows of one height, pages read as the person nears
 * either edge, the same rows kept in view when a page is put above them, and Home and End going to either end at once.
 */
export function useKeysetTable<T>(pages: KeysetPages<T>, rowHeight: number, overscan = 10) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: pages.rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;
  const { rows, loadAbove, loadBelow } = pages;

  // Near an edge by where the scroller really is: the rows rendered may still be those from before a jump's scroll.
  useEffect(() => {
    const el = scroller.current;
    if (!el || first === undefined) return;
    const margin = overscan * rowHeight;
    if (el.scrollHeight - el.scrollTop - el.clientHeight <= margin) loadBelow();
    if (el.scrollTop <= margin) loadAbove();
  }, [first, last, rows.length, overscan, rowHeight, loadAbove, loadBelow]);

  // Rows put above: the ones being read stay where they were, unless the person sits at the top, watching new ones come.
  // (The browser's own scroll anchoring is off for these tables: it would move them a second time.)
  const { seq, above, arrived } = pages.added;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || above === 0) return;
    if (arrived && el.scrollTop < rowHeight) el.scrollTop = 0;
    else el.scrollTop += above * rowHeight;
  }, [seq, above, arrived, rowHeight]);

  // A window just opened shows the end it was opened at.
  const scrolledFor = useRef(-1);
  const { opening, anchor } = pages;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || rows.length === 0 || scrolledFor.current === opening) return;
    scrolledFor.current = opening;
    el.scrollTop = anchor === 'top' ? 0 : rows.length * rowHeight;
  }, [opening, anchor, rows.length, rowHeight]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const top = e.key === 'Home';
    if (top ? pages.atTop : pages.atBottom) scroller.current?.scrollTo({ top: top ? 0 : rows.length * rowHeight });
    else pages.jump(top ? 'top' : 'bottom');
  };

  return { scroller, items, totalSize: virtualizer.getTotalSize(), onKeyDown };
}
