import { useEffect, useRef, useState } from 'react';
import { api, call, messageOf } from '../lib/api';
import { useApp } from '../state/app-store';
import { ErrorText } from './ErrorText';

/** Shown instead of every screen while main says the app is locked; no card data is held behind it. */
export function LockScreen() {
  const setLocked = useApp((s) => s.setLocked);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const unlock = async () => {
    setError(null);
    try {
      const state = await call(api().lock.unlock({}));
      if (state.locked) setError('Giftdesk stays locked.');
      setLocked(state.locked);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="locked" aria-labelledby="locked-title">
      <h1 id="locked-title">Giftdesk is locked</h1>
      <p className="muted">Card numbers and PINs are hidden while you are away. Orders keep running.</p>
      <button type="button" className="primary" ref={button} onClick={() => void unlock()}>
        Unlock
      </button>
      <ErrorText message={error} />
    </section>
  );
}
