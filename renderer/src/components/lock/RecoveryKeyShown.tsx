import { useState } from 'react';
import type { LockView } from '../../../../shared/ipc/vault-views';
import { api, call, messageOf } from '../../lib/api';
import { ErrorText } from '../ErrorText';
import { RecoveryKeyGroups } from '../RecoveryKeyGroups';
import { Centered } from './Centered';

/** A new store's recovery key, shown this once in groups, with its printable kit; the store opens once it is kept. */
export function RecoveryKeyShown({ recoveryKey, storeId, onView }: { recoveryKey: string; storeId: string; onView(v: LockView): void }) {
  const [kept, setKept] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saveKit = async () => {
    setError(null);
    try {
      const r = await call(api().lock.saveRecoveryKit({}));
      if (r.done) setSaved('Recovery kit saved. Print it, keep the page offline, and delete the file.');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const next = async () => {
    try {
      onView(await call(api().lock.answer({ keyKept: true })));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Centered title="Your recovery key">
      <p>
        This key opens the card store on its own, on any computer, and every backup of it. It is shown <strong>only this once</strong>. Write it down or
        save the recovery kit, and keep it offline, away from the computer.
      </p>
      <RecoveryKeyGroups recoveryKey={recoveryKey} />
      <p className="muted small">Store {storeId}</p>
      <div className="actions">
        <button type="button" onClick={() => void saveKit()}>
          Save recovery kit (PDF)…
        </button>
      </div>
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} /> I have written the key down or saved the kit
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={!kept} onClick={() => void next()}>
          Continue
        </button>
      </div>
      <ErrorText message={error} />
    </Centered>
  );
}
