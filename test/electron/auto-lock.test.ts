import { describe, expect, it } from 'vitest';
import { AppLockedError, createAutoLock, type LockEvent } from '../../main/electron/auto-lock';

const MINUTE = 60_000;

function setup(idleLimitMs = 5 * MINUTE) {
  let idle = 0;
  const lock = createAutoLock({ idleLimitMs, idleMs: () => idle });
  const events: LockEvent[] = [];
  lock.subscribe((e) => events.push(e));
  return { lock, events, setIdle: (ms: number) => (idle = ms) };
}

describe('auto-lock', () => {
  it('locks once the user has been idle for the configured time, not before, and says so once', () => {
    const { lock, events, setIdle } = setup();
    setIdle(5 * MINUTE - 1);
    lock.check();
    expect(lock.state).toBe('unlocked');
    expect(() => lock.assertUnlocked()).not.toThrow();
    setIdle(5 * MINUTE);
    lock.check();
    lock.check();
    expect(lock.state).toBe('locked');
    expect(events).toEqual([{ state: 'locked', reason: 'idle' }]);
    expect(() => lock.assertUnlocked()).toThrow(AppLockedError);
  });

  it('stays locked after activity resumes, until the user proves it is them', async () => {
    const { lock, events, setIdle } = setup();
    setIdle(6 * MINUTE);
    lock.check();
    setIdle(0);
    lock.check();
    expect(lock.state).toBe('locked');
    expect(await lock.unlock(async () => false)).toBe(false);
    expect(lock.state).toBe('locked');
    await expect(lock.unlock(async () => Promise.reject(new Error('prompt closed')))).rejects.toThrow('prompt closed');
    expect(lock.state).toBe('locked');
    expect(await lock.unlock(async () => true)).toBe(true);
    expect(lock.state).toBe('unlocked');
    expect(events).toEqual([{ state: 'locked', reason: 'idle' }, { state: 'unlocked' }]);
  });

  it('locks at once when the screen locks or the user presses Lock, whatever the idle time', () => {
    const { lock, events } = setup();
    lock.lock('system');
    lock.lock('manual');
    expect(lock.state).toBe('locked');
    expect(events).toEqual([{ state: 'locked', reason: 'system' }]);
  });

  it('lets only one unlock prompt run at a time', async () => {
    const { lock } = setup();
    lock.lock('manual');
    let approve: (ok: boolean) => void = () => {};
    const first = lock.unlock(() => new Promise<boolean>((resolve) => (approve = resolve)));
    expect(await lock.unlock(async () => true)).toBe(false);
    expect(lock.state).toBe('locked');
    approve(true);
    expect(await first).toBe(true);
    expect(lock.state).toBe('unlocked');
  });

  it('uses a changed idle time from the next check, and refuses absurd ones', () => {
    const { lock, setIdle } = setup();
    setIdle(2 * MINUTE);
    lock.check();
    expect(lock.state).toBe('unlocked');
    lock.setIdleLimit(MINUTE);
    lock.check();
    expect(lock.state).toBe('locked');
    expect(() => lock.setIdleLimit(1000)).toThrow(RangeError);
    expect(() => lock.setIdleLimit(Number.NaN)).toThrow(RangeError);
    expect(() => lock.setIdleLimit(24 * 60 * MINUTE)).toThrow(RangeError);
    expect(lock.idleLimitMs).toBe(MINUTE);
  });

  it('can start locked, and stops telling a listener that unsubscribed', async () => {
    const lock = createAutoLock({ idleLimitMs: MINUTE, idleMs: () => 0, initialState: 'locked' });
    const events: LockEvent[] = [];
    const stop = lock.subscribe((e) => events.push(e));
    expect(() => lock.assertUnlocked()).toThrow(AppLockedError);
    await lock.unlock(async () => true);
    stop();
    lock.lock('manual');
    expect(events).toEqual([{ state: 'unlocked' }]);
  });
});
