import { accountApi } from '../../../shared/account-api';
import type { Account } from '../../../shared/domain';
import type { Clock } from '../clock';
import { GiftdeskError } from '../errors';
import type { AccountSecrets } from '../secrets/account-secrets';
import { createProviderClient, type ProviderClientHandle, type ProviderClientOptions } from './create-provider-client';
import type { CatalogProduct, ProviderClient } from './provider-client';
import type { ClientCertificate } from './transport/tls-dispatcher';

/** Secrets given by hand, for settings not saved yet (an account's connection tested before its key is stored). */
export interface GivenSecrets {
  apiKey: string | null;
  certificate: ClientCertificate | null;
}

/** Where the registry finds an account and its certificate (the store, in the app); providers/ knows no store. */
export interface AccountSource {
  get(id: string): Account;
  certificate(id: string): Uint8Array | null;
}

/** What a sandbox account's client needs from the running sandbox. */
export interface SandboxEndpoint {
  url: string;
  apiKey: string;
  merchantId: string;
  clientProgramNumber: string;
  /** The Wpay SKUs it sells, offered where a Wpay SKU is typed. */
  wpaySkus: readonly CatalogProduct[];
  close(): Promise<void>;
}

export interface ProviderRegistryOptions<S extends SandboxEndpoint> {
  clock: Clock;
  accounts: AccountSource;
  secrets: AccountSecrets;
  client?: ProviderClientOptions;
  /** Starts the built-in sandbox (the composition root's choice), or null to have none: its accounts then cannot be used. */
  startSandbox: (() => Promise<S>) | null;
}

/** A catalog read once is good for this long: it changes rarely, and every review and order checks against it. */
const CATALOG_TTL_MS = 10 * 60_000;

/** A sandbox account where the composition root started no sandbox (the bench, some tests): said, not thrown as a bug. */
class SandboxSwitchedOff extends GiftdeskError {
  readonly kind = 'unavailable';
}

/**
 * Hands out one provider client per account, built from the account's settings and its secrets in the keychain.
 * The sandbox is started the first time a sandbox account needs it, on a fresh loopback port.
 */
export function createProviderRegistry<S extends SandboxEndpoint>(options: ProviderRegistryOptions<S>) {
  const clients = new Map<string, Promise<ProviderClientHandle>>();
  const catalogs = new Map<string, { at: number; products: CatalogProduct[] | null }>();
  let sandbox: Promise<S> | null = null;

  const sandboxHandle = (): Promise<S> => {
    if (!options.startSandbox) throw new SandboxSwitchedOff('The built-in sandbox is switched off in this setup, so its accounts cannot be used.');
    sandbox ??= options.startSandbox();
    return sandbox;
  };

  const build = async (account: Account, given?: GivenSecrets): Promise<ProviderClientHandle> => {
    const apiKey = given ? given.apiKey : await options.secrets.apiKey(account.id);
    const clientOptions = { ...options.client, clock: options.clock };
    if (account.provider === 'sandbox') {
      const sb = await sandboxHandle();
      return createProviderClient(
        { ...account, baseUrl: sb.url, merchantId: sb.merchantId, clientProgramNumber: sb.clientProgramNumber },
        { apiKey: apiKey ?? sb.apiKey },
        clientOptions,
      );
    }
    if (given) return createProviderClient(account, given, clientOptions);
    const p12 = account.provider === 'blackhawk' ? options.accounts.certificate(account.id) : null;
    const passphrase = p12 ? await options.secrets.certificatePassphrase(account.id) : null;
    return createProviderClient(account, { apiKey, certificate: p12 && passphrase !== null ? { p12, passphrase } : null }, clientOptions);
  };

  const registry = {
    clientFor(accountId: string): Promise<ProviderClient> {
      let client = clients.get(accountId);
      if (!client) {
        client = build(options.accounts.get(accountId));
        clients.set(accountId, client);
        client.catch(() => clients.delete(accountId));
      }
      return client;
    },
    /**
     * A client for settings and secrets that are not stored (yet), kept nowhere: the caller closes it. An account's
     * connection is tested with it before its key is saved.
     */
    probe(account: Account, secrets: GivenSecrets): Promise<ProviderClientHandle> {
      return build(account, secrets);
    },
    /** The account's catalog (null where the provider has none), read at most once per CATALOG_TTL_MS. */
    async catalogFor(accountId: string): Promise<CatalogProduct[] | null> {
      const cached = catalogs.get(accountId);
      if (cached && options.clock.now() - cached.at < CATALOG_TTL_MS) return cached.products;
      const products = await (await registry.clientFor(accountId)).catalog();
      catalogs.set(accountId, { at: options.clock.now(), products });
      return products;
    },
    /** SKUs to offer where the provider has no catalog: the sandbox's own for a sandbox account speaking Wpay. */
    async suggestedSkus(accountId: string): Promise<CatalogProduct[]> {
      const account = options.accounts.get(accountId);
      if (account.provider !== 'sandbox' || accountApi(account) !== 'wpay') return [];
      return [...(await sandboxHandle()).wpaySkus];
    },
    /** Drops a cached client and catalog, e.g. after the account's key or settings changed. */
    forget(accountId: string): void {
      const client = clients.get(accountId);
      clients.delete(accountId);
      catalogs.delete(accountId);
      void client?.then((c) => c.close()).catch(() => undefined);
    },
    sandbox: sandboxHandle,
    async close(): Promise<void> {
      const all = [...clients.values()];
      clients.clear();
      await Promise.allSettled(all.map(async (c) => (await c).close()));
      // A sandbox that never started (its folder could not be written) has nothing to close; its error was said already.
      if (sandbox) await sandbox.then((sb) => sb.close(), () => undefined);
    },
  };
  return registry;
}

export type ProviderRegistry = ReturnType<typeof createProviderRegistry>;
