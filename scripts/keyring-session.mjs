// Re-runs the current command inside scripts/with-keyring.sh on Linux, so that tests and benchmarks use a real
// Secret Service of their own instead of the developer's keyring. Elsewhere the system keychain is used as it is.
import { spawnSync } from 'node:child_process';

export function ensureKeyringSession(args) {
  if (process.platform !== 'linux' || process.env.GIFTDESK_IN_KEYRING_SESSION || process.env.GIFTDESK_USE_SESSION_KEYRING) return;
  // Tests and benchmarks make their own data folders; a person's GIFTDESK_DATA_DIR is none of theirs (and the wrapper
  // refuses it, since its keyring, and so any key stored in it, is thrown away).
  const env = { ...process.env };
  delete env.GIFTDESK_DATA_DIR;
  const r = spawnSync('bash', ['scripts/with-keyring.sh', process.execPath, ...process.execArgv, ...args], { stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}
