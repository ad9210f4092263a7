import type { PowerMonitor } from 'electron';
import type { AutoLock } from './auto-lock';

const CHECK_EVERY_MS = 5_000;

/** Feeds the lock from the OS: polls idle time, and locks at once when the screen locks or the machine sleeps. */
export function startAutoLockMonitor(lock: AutoLock, powerMonitor: Pick<PowerMonitor, 'on' | 'off'>): () => void {
  const timer = setInterval(() => lock.check(), CHECK_EVERY_MS);
  timer.unref();
  const onSystem = (): void => lock.lock('system');
  powerMonitor.on('lock-screen', onSystem);
  powerMonitor.on('suspend', onSystem);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', onSystem);
    powerMonitor.off('suspend', onSystem);
  };
}
