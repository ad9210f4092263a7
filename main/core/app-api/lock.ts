import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import type { AppContext } from './app-core';

/** Where the chosen idle time is kept; the shell reads it at start. */
export const IDLE_MINUTES_SETTING = 'lock.idleMinutes';

export async function lockStatus(_: ParsedRequest<'lock.status'>, { lock }: AppContext): Promise<Response<'lock.status'>> {
  return { locked: lock?.locked ?? false, idleMinutes: lock?.idleMinutes ?? null };
}

export async function setIdleMinutes({ minutes }: ParsedRequest<'lock.setIdleMinutes'>, { core, lock }: AppContext): Promise<Response<'lock.setIdleMinutes'>> {
  core.settings.set(IDLE_MINUTES_SETTING, minutes);
  lock?.setIdleMinutes(minutes);
  core.audit.append({ actor: 'user', action: 'lock.idle-time', subject: 'app', details: { minutes } });
  return { locked: lock?.locked ?? false, idleMinutes: lock?.idleMinutes ?? minutes };
}

export async function lockNow(_: ParsedRequest<'lock.lock'>, { lock }: AppContext): Promise<Response<'lock.lock'>> {
  lock?.lock();
  return { locked: lock?.locked ?? false };
}

export async function unlock(_: ParsedRequest<'lock.unlock'>, { lock }: AppContext): Promise<Response<'lock.unlock'>> {
  if (lock) await lock.unlock();
  return { locked: lock?.locked ?? false };
}
