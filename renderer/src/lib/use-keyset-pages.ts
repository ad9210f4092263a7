import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './api';

/**
 * One page of a list, starting after a cursor (keyset), or at an end when there is none: 'down' in the table's own
 * order, 'up' against it (so the far end is one query away, and the page above the first row shown is the page before
 * it). `next` continues the same way; null: that end is reached.
 */
export type FetchPage<T, C> = (way: 'down' | 'up', after: C | null) => Promise<{ rows: T[]; next: C | null }>;

interface Window<T, C> {
  rows: T[];
  /** Where the pages above the first row and below the last one start; null where the list's end is in. */
  up: C | null;
  down: C | null;
  /** Which end the window was opened at (the table scrolls there), and each opening's number. */
  anchor: 'top' | 'bottom';
  opening: number;
  /** How many rows the last read put above the first, and whether they arrived (new) or the person scrolled to them. */
  added: { above: number; seq: number; arrived: boolean };
}

const opened = <T, C>(anchor: 'top' | 'bottom', opening: number): Window<T, C> => ({ rows: [], up: null, down: null, anchor, opening, added: { above: 0, seq: 0, arrived: false } });

/**
 * The rows of a list too long to hold (250,000 cards, 100,000 audit entries), as a window read a page at a time from
 * either end: opened at the top or the bottom at once, grown down or up as the table scrolls, and grown at the top when
 * rows arrive there. `key` names the query: a new key opens a new window at the top. `cursorOf` says where a page
 * above a row starts (for rows that arrive above the first one).
 */
export function useKeysetPages<T, C>(key: string, fetchPage: FetchPage<T, C>, cursorOf: (row: T) => C) {
  const [win, setWin] = useState<Window<T, C>>(() => opened('top', 0));
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const busy = useRef(new Set<'down' | 'up'>());
  const current = useRef(win);
  current.current = win;
  const fetchRef = useRef({ fetchPage, cursorOf });
  fetchRef.current = { fetchPage, cursorOf };
  // A refresh asked for while one runs (cards arriving page after page) runs once more when it ends.
  const again = useRef(false);

  /** Reads one page (past any that the filter left empty) and grows the window with it; false if that way was busy. */
  const read = useCallback(async (way: 'down' | 'up', after: C | null, grow: (w: Window<T, C>, rows: T[], next: C | null) => Window<T, C>) => {
    if (busy.current.has(way)) return false;
    busy.current.add(way);
    const mine = generation.current;
    setLoading(true);
    try {
      let page = await fetchRef.current.fetchPage(way, after);
      while (page.rows.length === 0 && page.next !== null && mine === generation.current) page = await fetchRef.current.fetchPage(way, page.next);
      if (mine === generation.current) {
        // Grown here, not in a state updater (which runs at the next render): what follows reads the window at once.
        current.current = grow(current.current, page.rows, page.next);
        setWin(current.current);
      }
    } catch (err) {
      if (mine === generation.current) setError(messageOf(err));
    } finally {
      busy.current.delete(way);
      if (mine === generation.current) setLoading(busy.current.size > 0);
    }
    return true;
  }, []);

  /** Opens the window at one end: the first rows (top) or the last (bottom), one query either way. */
  const jump = useCallback(
    (to: 'top' | 'bottom') => {
      generation.current += 1;
      busy.current.clear();
      setError(null);
      const start = opened<T, C>(to, generation.current);
      setWin(start);
      current.current = start;
      if (to === 'top') void read('down', null, (w, rows, next) => ({ ...w, rows, down: next }));
      else void read('up', null, (w, rows, next) => ({ ...w, rows: [...rows].reverse(), up: next }));
    },
    [read],
  );

  const loadBelow = useCallback(() => {
    const { down } = current.current;
    if (down !== null) void read('down', down, (w, rows, next) => ({ ...w, rows: [...w.rows, ...rows], down: next }));
  }, [read]);

  const above = (w: Window<T, C>, rows: T[], next: C | null, arrived: boolean): Window<T, C> => ({
    ...w,
    rows: [...[...rows].reverse(), ...w.rows],
    up: next,
    added: { above: rows.length, seq: w.added.seq + 1, arrived },
  });

  const loadAbove = useCallback(() => {
    const { up } = current.current;
    if (up !== null) void read('up', up, (w, rows, next) => above(w, rows, next, false));
  }, [read]);

  /**
   * Rows that arrived above the first one shown (new cards, newest first) come in while the window is at the top;
   * elsewhere the person reaches them by scrolling up. An empty window is read again.
   */
  const refreshTop = useCallback(() => {
    const w = current.current;
    if (w.up !== null) return;
    if (w.rows.length === 0) {
      if (!busy.current.has('down')) jump('top');
      return;
    }
    const run = (): void => {
      const first = current.current.rows[0]!;
      void read('up', fetchRef.current.cursorOf(first), (s, rows, next) => above(s, rows, next, true)).then((started) => {
        if (!started) again.current = true;
        // More arrived than a page holds: the newest are read afresh rather than a page short of them.
        else if (current.current.up !== null) jump('top');
        else if (again.current) {
          again.current = false;
          run();
        }
      });
    };
    run();
  }, [read, jump]);

  useEffect(() => jump('top'), [key, jump]);

  return { ...win, atTop: win.up === null, atBottom: win.down === null, error, loading, jump, loadBelow, loadAbove, refreshTop };
}

export type KeysetPages<T> = Pick<ReturnType<typeof useKeysetPages<T, unknown>>, 'rows' | 'atTop' | 'atBottom' | 'anchor' | 'opening' | 'added' | 'jump' | 'loadAbove' | 'loadBelow'>;
