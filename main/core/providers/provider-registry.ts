import path from 'node:path';
import type { Account } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { AccountSecrets } from '../secrets/account-secrets';
import type { AccountsRepo } from '../store/repos/accounts';
import { BLACKHAWK_LIMITS, createProviderClient, WPAY_LIMITS, type ProviderClientHandle, type ProviderClientOptions } from './create-provider-client';
import type { ProviderClient } from './provider-client';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox';

export interface ProviderRegistryOptions {
  dataDir: string;
  clock: Clock;
  accounts: AccountsRepo;
  secrets: AccountSecrets;
  client?: ProviderClientOptions;
  /** The built-in sandbox's settings, or false to have none (its accounts then cannot be used). */
  sandbox?: Omit<SandboxOptions, 'stateDir' | 'clock'> | false;
}

/**
 * Hands out one provider client per account, built from the account's settings and its secrets in the keychain.
 * The sandbox server is started the first time a sandbox account needs it, on a fresh loopback port.
 */
export function createProviderRegistry(options: ProviderRegistryOptions) {
  const clients = new Map<string, Promise<ProviderClientHandle>>();
  let sandbox: Promise<SandboxHandle> | null = null;

  const sandboxHandle = (): Promise<SandboxHandle> => {
    if (options.sandbox === false) throw new Error('The built-in sandbox is switched off in this setup.');
    sandbox ??= startSandbox({ ...options.sandbox, stateDir: path.join(options.dataDir, 'sandbox'), clock: options.clock });
    return sandbox;
  };

  const build = async (account: Account): Promise<ProviderClientHandle> => {
    const apiKey = await options.secrets.apiKey(account.id);
    if (account.provider === 'sandbox') {
      const sb = await sandboxHandle();
      return createProviderClient(
        { ...account, baseUrl: sb.url, merchantId: sb.merchantId, clientProgramNumber: sb.clientProgramNumber },
        { apiKey: apiKey ?? sb.apiKey },
        { ...options.client, clock: options.clock },
      );
    }
    const p12 = account.provider === 'blackhawk' ? options.accounts.certificate(account.id) : null;
    const passphrase = p12 ? await options.secrets.certificatePassphrase(account.id) : null;
    return createProviderClient(
      account,
      { apiKey, certificate: p12 && passphrase !== null ? { p12, passphrase } : null },
      { ...options.client, clock: options.clock },
    );
  };

  return {
    clientFor(accountId: string): Promise<ProviderClient> {
      let client = clients.get(accountId);
      if (!client) {
        client = build(options.accounts.get(accountId));
        clients.set(accountId, client);
        client.catch(() => clients.delete(accountId));
      }
      return client;
    },
    /** Drops a cached client, e.g. after the account's key or settings changed. */
    forget(accountId: string): void {
      const client = clients.get(accountId);
      clients.delete(accountId);
      void client?.then((c) => c.close()).catch(() => undefined);
    },
    limitsFor(account: Account): ProviderClient['limits'] {
      const flavor = account.provider === 'sandbox' ? account.sandboxFlavor : account.provider;
      return flavor === 'blackhawk' ? BLACKHAWK_LIMITS : WPAY_LIMITS;
    },
    sandbox: sandboxHandle,
    async close(): Promise<void> {
      const all = [...clients.values()];
      clients.clear();
      await Promise.allSettled(all.map(async (c) => (await c).close()));
      if (sandbox) await (await sandbox).close();
    },
  };
}

export type ProviderRegistry = ReturnType<typeof createProviderRegistry>;
