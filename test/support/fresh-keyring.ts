import { spawn } from 'node:child_process';
import { scriptCommand, type TestScript } from './test-bundle';

/**
 * Runs a test script (bundled, or from source) in a process of its own inside a new private D-Bus session with an empty gnome-keyring
 * (scripts/with-keyring.sh), as on another computer. `input` goes to its stdin; its stdout is parsed as JSON.
 */
export function runInFreshKeyring<T>(entry: TestScript, input: unknown, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const childEnv = { ...env };
  delete childEnv.GIFTDESK_IN_KEYRING_SESSION;
  delete childEnv.DBUS_SESSION_BUS_ADDRESS;
  // The child is told its folders in its input; the outer wrapper's throwaway data folder is not its business.
  delete childEnv.GIFTDESK_DATA_DIR;
  const child = spawn('bash', ['scripts/with-keyring.sh', ...scriptCommand(entry)], { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(input));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) =>
    child.once('close', (code) => {
      try {
        resolve(JSON.parse(stdout) as T);
      } catch {
        reject(new Error(`${entry} exited ${code} without JSON: ${stderr.slice(-2000)}`));
      }
    }),
  );
}
