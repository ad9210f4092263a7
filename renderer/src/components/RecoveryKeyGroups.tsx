/** A recovery key as it is read off the screen and written down: its groups of four, large and monospaced. */
export function RecoveryKeyGroups({ recoveryKey }: { recoveryKey: string }) {
  return (
    <p className="recovery-key" aria-label="Recovery key">
      {recoveryKey.split('-').map((group, i) => (
        <span key={i} className="mono">
          {group}
        </span>
      ))}
    </p>
  );
}
