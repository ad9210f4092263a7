import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './api';

/**
 * One page read from a list, each page starting after a row (keyset): 'down' in the table's own order, 'up' against
 * it (so the oldest end is one query away, and a page above the first row shown is the page before it).
 */
export type FetchPage<T> = (way: 'down' | 'up', after: T | null) => Promise<{ rows: T[]; more: boolean }>;

interface Window<T> {
  rows: T[];
  /** Whether the first row shown is the list's first, or the last row its last. */
  atTop: boolean;
  atBottom: boolean;
  /** Which end the window was opened at (the table scrolls there), and each opening's number. */
  anchor: 'top' | 'bottom';
  opening: number;
  /** How many rows the last read put above the first, and whether the person scrolled to them or they arrived. */
  added: { above: number; seq: number; arrived: boolean };
}

const opened = <T,>(anchor: 'top' | 'bottom', opening: number): Window<T> => ({
  rows: [],
  atTop: anchor === 'top',
  atBottom: anchor === 'bottom',
  anchor,
  opening,
  added: { above: 0, seq: 0, arrived: false },
});

/**
 * The rows of a list too long to hold (250,000 cards, 100,000 audit entries), as a window read a page at a time from
 * either end: opened at the top or the bottom at once, grown down or up as the table scrolls, and grown at the top when
 * rows arrive there. `key` names the query: a new key opens a new window at the top.
 */
export function useKeysetPages<T>(key: string, fetchPage: FetchPage<T>) {
  const [win, setWin] = useState<Window<T>>(() => opened('top', 0));
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const busy = useRef(new Set<'down' | 'up'>());
  const current = useRef(win);
  current.current = win;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // A refresh asked for while one runs (cards arriving page after page) runs once more when it ends.
  const again = useRef(false);

  const read = useCallback(async (way: 'down' | 'up', grow: (w: Window<T>, rows: T[], more: boolean) => Window<T>, after: T | null) => {
    if (busy.current.has(way)) return false;
    busy.current.add(way);
    const mine = generation.current;
    setLoading(true);
    try {
      const page = await fetchRef.current(way, after);
      if (mine === generation.current) setWin((w) => grow(w, page.rows, page.more));
    } catch (err) {
      if (mine === generation.current) setError(messageOf(err));
    } finally {
      busy.current.delete(way);
      if (mine === generation.current) setLoading(busy.current.size > 0);
    }
    return true;
  }, []);

  /** Opens the window at one end: the newest (top) or the oldest (bottom) rows, one query either way. */
  const jump = useCallback(
    (to: 'top' | 'bottom') => {
      generation.current += 1;
      busy.current.clear();
      setError(null);
      const start = opened<T>(to, generation.current);
      setWin(start);
      current.current = start;
      if (to === 'top') void read('down', (w, rows, more) => ({ ...w, rows, atBottom: !more }), null);
      else void read('up', (w, rows, more) => ({ ...w, rows: rows.reverse(), atTop: !more }), null);
    },
    [read],
  );

  const loadBelow = useCallback(() => {
    const w = current.current;
    if (w.atBottom || w.rows.length === 0) return;
    void read('down', (s, rows, more) => ({ ...s, rows: [...s.rows, ...rows], atBottom: !more }), w.rows[w.rows.length - 1]!);
  }, [read]);

  const above = useCallback(
    (w: Window<T>, rows: T[], more: boolean, arrived: boolean): Window<T> => ({
      ...w,
      rows: [...rows.reverse(), ...w.rows],
      atTop: !more,
      added: { above: rows.length, seq: w.added.seq + 1, arrived },
    }),
    [],
  );

  const loadAbove = useCallback(() => {
    const w = current.current;
    if (w.atTop || w.rows.length === 0) return;
    void read('up', (s, rows, more) => above(s, rows, more, false), w.rows[0]!);
  }, [read, above]);

  /**
   * Rows that arrived above the first one shown (new cards, in the newest-first order) come in when the window is at
   * the top; elsewhere the person reaches them by scrolling up. An empty window is read again.
   */
  const refreshTop = useCallback(() => {
    const w = current.current;
    if (!w.atTop) return;
    if (w.rows.length === 0) {
      if (!busy.current.has('down')) jump('top');
      return;
    }
    const run = (): void => {
      void read('up', (s, rows, more) => above(s, rows, more, true), current.current.rows[0]!).then((started) => {
        if (!started) again.current = true;
        // More arrived than a page holds: the newest are read afresh rather than a page short of them.
        else if (!current.current.atTop) jump('top');
        else if (again.current) {
          again.current = false;
          run();
        }
      });
    };
    run();
  }, [read, above, jump]);

  useEffect(() => jump('top'), [key, jump]);

  return { ...win, error, loading, jump, loadBelow, loadAbove, refreshTop };
}

export type KeysetPages<T> = ReturnType<typeof useKeysetPages<T>>;
