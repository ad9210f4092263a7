import type { AppEvent } from '../../../shared/ipc/contract';
import type { AutoLock } from '../auto-lock';
import type { StartGate } from '../start/start-gate';
import { watchAppEvents } from './app-events';
import type { IpcContext } from './ipc-context';

/** What the shell does with the event push once the store is open, and at the end. */
export interface EventPush {
  /** The store is open: order progress and card counts are pushed from now on (while unlocked). */
  storeOpened(): void;
  /** Pushes an event, unless the app is locked: then only the lock's own event goes out. */
  emit(event: AppEvent): void;
  stop(): void;
}

/**
 * What main pushes to the window, unasked: the lock's state (on every lock change and every step of the start), and,
 * once the store is open and only while unlocked, order progress, card counts and backups.
 */
export function createEventPush(r: { context: IpcContext; lock?: AutoLock; start?: StartGate; send: (event: AppEvent) => void }): EventPush {
  const emit = (event: AppEvent): void => {
    if (event.name === 'lock.state' || r.lock?.state !== 'locked') r.send(event);
  };
  const lockState = (locked: boolean) => emit({ name: 'lock.state', payload: { locked } });
  const stops = [r.lock?.subscribe((e) => lockState(e.state === 'locked')), r.start?.subscribe(() => lockState(true))];
  return {
    storeOpened: () => void stops.push(watchAppEvents(r.context.app, r.context.actor, emit)),
    emit,
    stop() {
      for (const stop of stops) stop?.();
    },
  };
}
