import { randomUUID } from 'node:crypto';
import type { Account, ProviderName } from '../../../../shared/domain';
import { NotFoundError } from '../../errors';
import type { Db } from '../open-database';

interface AccountRow {
  id: string;
  name: string;
  provider: ProviderName;
  base_url: string;
  merchant_id: string | null;
  client_program_number: string | null;
  sandbox_flavor: 'wpay' | 'blackhawk' | null;
  currency: string;
  fetch_concurrency: number;
  poll_every_seconds: number | null;
  balance_rate_per_minute: number;
  created_at: number;
}

/** Wpay's documented balance rate, the default of every account. */
export const DEFAULT_BALANCE_RATE_PER_MINUTE = 50;

export type NewAccount = Omit<Account, 'id' | 'createdAt' | 'balanceRatePerMinute'> & { balanceRatePerMinute?: number };
export type AccountPatch = Partial<Omit<Account, 'id' | 'createdAt' | 'provider'>>;

const COLUMNS = `id, name, provider, base_url, merchant_id, client_program_number, sandbox_flavor, currency,
                 fetch_concurrency, poll_every_seconds, balance_rate_per_minute, created_at`;

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    name: r.name,
    provider: r.provider,
    baseUrl: r.base_url,
    merchantId: r.merchant_id,
    clientProgramNumber: r.client_program_number,
    sandboxFlavor: r.sandbox_flavor,
    currency: r.currency,
    fetchConcurrency: r.fetch_concurrency,
    pollEverySeconds: r.poll_every_seconds,
    balanceRatePerMinute: r.balance_rate_per_minute,
    createdAt: r.created_at,
  };
}

export function createAccountsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO accounts (${COLUMNS}) VALUES (@id, @name, @provider, @baseUrl, @merchantId, @clientProgramNumber,
       @sandboxFlavor, @currency, @fetchConcurrency, @pollEverySeconds, @balanceRatePerMinute, @createdAt)`,
  );
  const byId = db.prepare<[string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`);
  const byName = db.prepare<[string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`);
  const all = db.prepare<[], AccountRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY name`);

  const repo = {
    /** Stores a new account; its id may be chosen first, so that its secrets can be stored under it beforehand. */
    create(input: NewAccount, now: number, id: string = randomUUID()): Account {
      const account: Account = { ...input, balanceRatePerMinute: input.balanceRatePerMinute ?? DEFAULT_BALANCE_RATE_PER_MINUTE, id, createdAt: now };
      insert.run(account);
      return account;
    },
    find(id: string): Account | null {
      const row = byId.get(id);
      return row ? toAccount(row) : null;
    },
    get(id: string): Account {
      const found = repo.find(id);
      if (!found) throw new NotFoundError(`No account with id ${id}.`);
      return found;
    },
    findByName(name: string): Account | null {
      const row = byName.get(name);
      return row ? toAccount(row) : null;
    },
    list(): Account[] {
      return all.all().map(toAccount);
    },
    update(id: string, patch: AccountPatch): Account {
      const merged = { ...repo.get(id), ...patch };
      db.prepare(
        `UPDATE accounts SET name = @name, base_url = @baseUrl, merchant_id = @merchantId,
           client_program_number = @clientProgramNumber, sandbox_flavor = @sandboxFlavor, currency = @currency,
           fetch_concurrency = @fetchConcurrency, poll_every_seconds = @pollEverySeconds,
           balance_rate_per_minute = @balanceRatePerMinute WHERE id = @id`,
      ).run(merged);
      return merged;
    },
    remove(id: string): void {
      db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    },
    setCertificate(id: string, p12: Uint8Array | null): void {
      db.prepare('UPDATE accounts SET certificate = ? WHERE id = ?').run(p12 ? Buffer.from(p12) : null, id);
    },
    certificate(id: string): Buffer | null {
      const row = db.prepare<[string], { certificate: Buffer | null }>('SELECT certificate FROM accounts WHERE id = ?').get(id);
      return row?.certificate ?? null;
    },
  };
  return repo;
}

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
