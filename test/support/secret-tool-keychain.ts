import { spawn } from 'node:child_process';
import { KEYCHAIN_SERVICE } from '../../main/core/secrets/keytar-keychain';
import type { Keychain } from '../../main/core/secrets/keychain';

/**
 * The same Secret Service keytar uses, reached through libsecret's own `secret-tool` in a process of its own, with
 * the secret on stdin and stdout. Items are keytar's (attributes service and account), so either reads the other's.
 * For `npm run mutate`: Stryker's vitest runner runs tests in worker threads, and keytar crashes the process when a
 * second thread loads it.
 */
export function createSecretToolKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  const run = (args: string[], input = ''): Promise<{ code: number | null; out: string; err: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn('secret-tool', args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, out, err }));
      child.stdin.end(input);
    });
  const attrs = (account: string) => ['service', service, 'account', account];
  return {
    async get(account) {
      const r = await run(['lookup', ...attrs(account)]);
      if (r.code === 0) return r.out;
      if (r.err.trim() === '') return null; // not found: secret-tool says nothing and exits 1
      throw new Error(`secret-tool lookup failed: ${r.err.trim()}`);
    },
    async set(account, secret) {
      const r = await run(['store', `--label=${service} ${account}`, ...attrs(account)], secret);
      if (r.code !== 0) throw new Error(`secret-tool store failed: ${r.err.trim()}`);
    },
    async delete(account) {
      const found = (await this.get(account)) !== null;
      // secret-tool clear fails, saying nothing, when there is nothing to clear: as keytar does, that is "not found".
      if (!found) return false;
      const r = await run(['clear', ...attrs(account)]);
      if (r.code !== 0) throw new Error(`secret-tool clear failed: ${r.err.trim()}`);
      return found;
    },
  };
}
