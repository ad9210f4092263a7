import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import type { AppContext } from './app-core';

export async function lockStatus(_: ParsedRequest<'lock.status'>, { lock }: AppContext): Promise<Response<'lock.status'>> {
  return { locked: lock?.locked ?? false };
}

export async function lockNow(_: ParsedRequest<'lock.lock'>, { lock }: AppContext): Promise<Response<'lock.lock'>> {
  lock?.lock();
  return { locked: lock?.locked ?? false };
}

export async function unlock(_: ParsedRequest<'lock.unlock'>, { lock }: AppContext): Promise<Response<'lock.unlock'>> {
  if (lock) await lock.unlock();
  return { locked: lock?.locked ?? false };
}
