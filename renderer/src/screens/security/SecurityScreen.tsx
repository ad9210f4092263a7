import { useEffect } from 'react';
import { useApp } from '../../state/app-store';
import { BackupsSection } from './BackupsSection';
import { ChangePasscode } from './ChangePasscode';
import { RecoveryKeySection } from './RecoveryKeySection';

/** The vault, for a person: the passcode, the recovery key and its kit, and backups. (It moves into Settings later.) */
export function SecurityScreen() {
  const vault = useApp((s) => s.vault);
  const loadVault = useApp((s) => s.loadVault);
  useEffect(() => void loadVault().catch(() => undefined), [loadVault]);
  return (
    <section aria-labelledby="security-title" className="security">
      <header className="screen-head">
        <h1 id="security-title">Security</h1>
      </header>
      {vault && (
        <>
          <ChangePasscode setAt={vault.passcodeSetAt} />
          <RecoveryKeySection madeAt={vault.recoveryKeyMadeAt} />
          <BackupsSection vault={vault} />
        </>
      )}
    </section>
  );
}
