// Re-runs the current command inside scripts/with-keyring.sh on Linux, so that tests and benchmarks use a real
// Secret Service of their own instead of the developer's keyring. Elsewhere the system keychain is used as it is.
import { spawnSync } from 'node:child_process';

export function ensureKeyringSession(args) {
  if (process.platform !== 'linux' || process.env.GIFTDESK_IN_KEYRING_SESSION || process.env.GIFTDESK_USE_SESSION_KEYRING) return;
  const r = spawnSync('bash', ['scripts/with-keyring.sh', process.execPath, ...process.execArgv, ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
