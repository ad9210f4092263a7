import { useEffect, useRef, useState } from 'react';
import type { SweepProgressView } from '../../../../shared/ipc/balance-views';
import { api, call, messageOf } from '../../lib/api';

type Scope = Parameters<ReturnType<typeof api>['balances']['start']>[0]['scope'];

/**
 * A balance sweep started from a screen and followed until it is over: its progress read every second (it may be
 * driven by another process, which only the store tells about), then `onOver` once.
 */
export function useSweep(onOver: () => void) {
  const [progress, setProgress] = useState<SweepProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const over = useRef(onOver);
  over.current = onOver;
  const running = progress !== null && (progress.state === 'queued' || progress.state === 'running');
  useEffect(() => {
    if (!running || !progress) return;
    const timer = setInterval(() => {
      call(api().balances.progress({ sweepId: progress.sweepId })).then(
        (p) => {
          setProgress(p);
          if (p.state === 'done' || p.state === 'cancelled') over.current();
        },
        (err: unknown) => setError(messageOf(err)),
      );
    }, 1_000);
    return () => clearInterval(timer);
  }, [running, progress?.sweepId]);
  return {
    progress,
    error,
    running,
    async start(scope: Scope) {
      setError(null);
      try {
        setProgress(await call(api().balances.start({ scope })));
      } catch (err) {
        setError(messageOf(err));
      }
    },
    async cancel() {
      if (!progress) return;
      try {
        setProgress(await call(api().balances.cancel({ sweepId: progress.sweepId })));
        over.current();
      } catch (err) {
        setError(messageOf(err));
      }
    },
  };
}

/** "about 3 min left" for a person: rounded up, never a promise of an end before the rate allows one. */
export function etaWords(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} s left`;
  const m = Math.ceil(s / 60);
  return m < 120 ? `about ${m} min left` : `about ${Math.floor(m / 60)} h ${m % 60} min left`;
}
