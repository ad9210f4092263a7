import { useState } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { RecoveryKeyGroups } from '../../components/RecoveryKeyGroups';
import { api, messageOf } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { withPasscode } from '../../lib/with-passcode';
import { useApp } from '../../state/app-store';

/** A new recovery key with its printable kit; the old key stops opening the store. Shown once, here. */
export function RecoveryKeySection({ madeAt }: { madeAt: number }) {
  const loadVault = useApp((s) => s.loadVault);
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    setError(null);
    setShown(null);
    try {
      const r = await withPasscode(() => api().vault.newRecoveryKit({}));
      if (r.done) {
        setShown(r.recoveryKey);
        await loadVault();
      }
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery key</h2>
      <p className="muted">
        Made {formatDateTime(madeAt)}. It opens the store, and every backup of it, on any computer, without the passcode. Making a new one stops the old one
        from opening the store (backups made before keep opening with the old one).
      </p>
      <div className="actions">
        <button type="button" onClick={() => void make()} disabled={busy}>
          {busy ? 'Making…' : 'New recovery key and kit (PDF)…'}
        </button>
      </div>
      {shown && (
        <div className="notice" role="status">
          <p>
            New recovery key, shown only this once (the kit you saved holds it too). The old key no longer opens the store. Make a new backup, and keep the
            printed kit offline.
          </p>
          <RecoveryKeyGroups recoveryKey={shown} />
        </div>
      )}
      <ErrorText message={error} />
    </section>
  );
}
