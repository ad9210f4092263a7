import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevealedCard } from '../../../../shared/ipc/views';
import { api, call } from '../../lib/api';
import { useApp } from '../../state/app-store';

export const REVEAL_MS = 15_000;

/** Cards shown in full, each for 15 s after its own explicit (and audited) reveal; all hidden when the app locks. */
export function useReveals() {
  const [shown, setShown] = useState<Map<number, { card: RevealedCard; until: number }>>(new Map());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const locked = useApp((s) => s.locked);

  const hide = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setShown((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }, []);

  const reveal = useCallback(
    async (id: number) => {
      const card = await call(api().cards.reveal({ cardId: id }));
      clearTimeout(timers.current.get(id));
      timers.current.set(id, setTimeout(() => hide(id), REVEAL_MS));
      setShown((m) => new Map(m).set(id, { card, until: Date.now() + REVEAL_MS }));
    },
    [hide],
  );

  useEffect(() => {
    if (locked) for (const id of [...timers.current.keys()]) hide(id);
  }, [locked, hide]);
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);

  return { shown, reveal, hide };
}
