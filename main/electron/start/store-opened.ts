import type { App } from '../../core/app/create-app';
import type { AutoLock } from '../auto-lock';
import type { EventPush } from '../ipc/event-push';
import { carryOn } from './carry-on';
import type { StartGate } from './start-gate';

/**
 * The start is over: the store opened with the passcode the person typed, which is the proof, so the app unlocks.
 * The idle time they chose applies, events flow, unfinished orders carry on and daily backups run.
 */
export async function storeOpened(o: { core: { app: App; user: string }; autoLock: AutoLock; start: StartGate; push: Pick<EventPush, 'storeOpened' | 'emit'> | undefined }): Promise<void> {
  const actor = { via: 'desktop' as const, user: o.core.user };
  const idleMinutes = o.core.app.settings.lockIdleMinutes(actor);
  if (idleMinutes) o.autoLock.setIdleLimit(idleMinutes * 60_000);
  o.push?.storeOpened();
  await o.autoLock.unlock(async () => true);
  o.start.opened();
  carryOn(o.core.app, actor, (event) => o.push?.emit(event));
}
