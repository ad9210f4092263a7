import { useEffect, useState } from 'react';

/** Seconds left of a wait main announced, counted down on screen; restarts whenever main announces a new one. */
export function useCountdown(seconds: number, announcedAt: unknown): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds <= 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const rest = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(rest);
      if (rest === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, announcedAt]);
  return left;
}
