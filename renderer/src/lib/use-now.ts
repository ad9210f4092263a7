import { useCallback, useSyncExternalStore } from 'react';
import { clockNow, subscribeClock } from './shared-clock';

/**
 * The current time to `everyMs`, from the window's one shared clock (shared-clock.ts), for countdowns such as the next
 * status check. Only the component that calls it re-renders, and only when the rounded time changes.
 */
export function useNow(everyMs = 1000): number {
  const subscribe = useCallback((onChange: () => void) => subscribeClock(onChange, everyMs), [everyMs]);
  const rounded = () => Math.floor(clockNow() / everyMs) * everyMs;
  return useSyncExternalStore(subscribe, rounded);
}
