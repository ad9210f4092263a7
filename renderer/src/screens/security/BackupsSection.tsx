import { useEffect, useState } from 'react';
import type { BackupView, VaultStatusView } from '../../../../shared/ipc/vault-views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTime, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';

/** Back up now, daily backups into a picked folder (the last N kept), the last result, and whether API keys go in. */
export function BackupsSection({ vault }: { vault: VaultStatusView }) {
  const loadVault = useApp((s) => s.loadVault);
  const { backups } = vault;
  const [keep, setKeep] = useState(String(backups.schedule?.keep ?? 14));
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setKeep(String(backups.schedule?.keep ?? 14)), [backups.schedule?.keep]);

  const run = async (what: string, work: () => Promise<string | null>) => {
    setBusy(what);
    setError(null);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
      await loadVault().catch(() => undefined);
    }
  };
  const backUpNow = () =>
    run('now', async () => {
      const r = await call(api().vault.backupNow({}));
      return r.done && r.backup ? `Backed up and verified: ${describe(r.backup)}.` : 'No backup was made.';
    });
  const chooseFolder = () => run('folder', async () => (await call(api().vault.chooseBackupFolder({}))).backups.schedule ? 'Daily backups are on.' : null);
  const saveKeep = () => run('keep', async () => (await call(api().vault.setBackupKeep({ keep: Number(keep) }))) && `The last ${keep} daily backups are kept.`);
  const turnOff = () => run('off', async () => (await call(api().vault.setBackupKeep({ keep: null }))) && 'Daily backups are off.');
  const includeSecrets = (include: boolean) => run('secrets', async () => (await call(api().vault.setIncludeSecrets({ include }))) && null);

  return (
    <section className="panel" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        One encrypted file, opened again and checked before it counts; the recovery key opens it on any computer. A synced folder or an external disk is a
        good place for it.
      </p>
      <dl className="facts">
        <div>
          <dt>Last backup</dt>
          <dd>{backups.last ? <LastBackup backup={backups.last} /> : 'None yet'}</dd>
        </div>
        <div>
          <dt>Last verified backup</dt>
          <dd>{backups.lastSuccess ? formatDateTime(backups.lastSuccess.at) : 'None yet'}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={busy !== null}>
          {busy === 'now' ? 'Backing up…' : 'Back up now…'}
        </button>
      </div>

      <h3>Daily backups</h3>
      <p>{backups.schedule ? `Every day while Giftdesk runs, into ${backups.schedule.folder}.` : 'Off. Choose a folder to turn them on.'}</p>
      <div className="keep-row">
        <Field id="backup-keep" label="Backups kept">
          <input id="backup-keep" type="number" min={1} max={365} value={keep} onChange={(e) => setKeep(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="button" onClick={() => void chooseFolder()} disabled={busy !== null}>
            {backups.schedule ? 'Change folder…' : 'Choose folder…'}
          </button>
          {backups.schedule && (
            <>
              <button type="button" onClick={() => void saveKeep()} disabled={busy !== null || keep === String(backups.schedule.keep)}>
                Keep {keep || '…'}
              </button>
              <button type="button" onClick={() => void turnOff()} disabled={busy !== null}>
                Turn off
              </button>
            </>
          )}
        </div>
      </div>

      <label className="check">
        <input type="checkbox" checked={backups.includeSecrets} onChange={(e) => void includeSecrets(e.target.checked)} disabled={busy !== null} /> Include the
        accounts’ API keys and certificate passphrases (sealed inside; whoever has a backup and the recovery key can then order with them)
      </label>
      {!backups.includeSecrets && <p className="hint">Left out: after a restore, enter the API keys again.</p>}
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      <ErrorText message={error} />
    </section>
  );
}

function describe(b: BackupView): string {
  return `${plural(b.orders ?? 0, 'order')}, ${plural(b.cards ?? 0, 'card')} in ${b.fileName}`;
}

function LastBackup({ backup }: { backup: BackupView }) {
  return backup.ok ? (
    <span className="ok">
      {formatDateTime(backup.at)}: verified ({describe(backup)})
    </span>
  ) : (
    <span className="error">
      {formatDateTime(backup.at)}: failed — {backup.error}
    </span>
  );
}
