import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';

const POLL_MS = 250;

/**
 * A sheet being made, followed while it runs: main is asked how far the worker is every quarter second, and Cancel
 * stops it (the request then answers "stopped", and the worker has removed its unfinished file).
 */
export function useSheetJob() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ cards: number; total: number | null } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  async function run<T>(work: (jobId: string) => Promise<T>): Promise<T> {
    const id = crypto.randomUUID();
    setJobId(id);
    setCancelling(false);
    setProgress({ cards: 0, total: null });
    timer.current = setInterval(() => {
      void api()
        .cards.jobProgress({ jobId: id })
        .then((r) => r.ok && r.value.running && setProgress({ cards: r.value.cards, total: r.value.total }));
    }, POLL_MS);
    try {
      return await work(id);
    } finally {
      stopPolling();
      setJobId(null);
      setProgress(null);
    }
  }

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    await api().cards.cancelJob({ jobId });
  };

  const percent = progress && progress.total ? Math.min(100, Math.round((progress.cards / progress.total) * 100)) : 0;
  return { run, cancel, progress, percent, cancelling };
}
