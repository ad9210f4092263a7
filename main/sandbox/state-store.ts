import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../core/fs/write-durably';
import type { SandboxIdentity, SandboxOrder } from './types';

const DEFAULT_BALANCE_CENTS = 1_000_000_000;

interface BalanceRecord {
  balanceCents: number;
  /** Orders with a higher seq are debited from balanceCents; older ones were already accounted for. */
  fromSeq: number;
}

/**
 * The sandbox's persisted state: its identity (key, Blackhawk ids, card seed), the SVA balance and one small file
 * per order. Each order is written durably before its acceptance is answered, so an order taken just before a crash
 * is still there afterwards. Card data is never written: it is derived from the seed.
 */
export class SandboxStateStore {
  readonly identity: SandboxIdentity;
  private readonly ordersDir: string;
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly byReference = new Map<string, SandboxOrder>();
  private balance: BalanceRecord;
  private lastSeq = 0;
  private closed = false;

  constructor(private readonly dir: string, apiKey?: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.ordersDir = path.join(dir, 'orders');
    mkdirSync(this.ordersDir, { recursive: true, mode: 0o700 });
    this.identity = this.loadIdentity(apiKey);
    for (const name of readdirSync(this.ordersDir)) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const order = JSON.parse(readFileSync(path.join(this.ordersDir, name), 'utf8')) as SandboxOrder;
      this.index(order);
    }
    const balanceFile = path.join(dir, 'balance.json');
    this.balance = existsSync(balanceFile)
      ? (JSON.parse(readFileSync(balanceFile, 'utf8')) as BalanceRecord)
      : { balanceCents: DEFAULT_BALANCE_CENTS, fromSeq: this.lastSeq };
  }

  nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** Persists a new order, then makes it visible; throws if the write fails, so nothing is answered as taken. */
  add(order: SandboxOrder): void {
    this.write(order);
    this.index(order);
  }

  markCancelled(order: SandboxOrder, at: number): void {
    const updated = { ...order, cancelledAt: at };
    this.write(updated);
    this.index(updated);
  }

  get(api: SandboxOrder['api'], orderId: string): SandboxOrder | undefined {
    const order = this.orders.get(orderId);
    return order?.api === api ? order : undefined;
  }

  findByReference(api: SandboxOrder['api'], reference: string): SandboxOrder | undefined {
    return this.byReference.get(`${api}:${reference}`);
  }

  all(): SandboxOrder[] {
    return [...this.orders.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Wpay SVA balance available now: the set balance less every live Wpay order taken since it was set. */
  availableBalanceCents(): number {
    let spent = 0;
    for (const o of this.orders.values()) {
      if (o.api === 'wpay' && o.seq > this.balance.fromSeq && o.cancelledAt === null) spent += orderTotalCents(o);
    }
    return this.balance.balanceCents - spent;
  }

  setBalance(balanceCents: number): void {
    this.refuseWhenClosed();
    this.balance = { balanceCents, fromSeq: this.lastSeq };
    writeFileDurably(path.join(this.dir, 'balance.json'), JSON.stringify(this.balance));
  }

  /** From now on nothing is written: the folder may already belong to the next sandbox. */
  close(): void {
    this.closed = true;
  }

  private refuseWhenClosed(): void {
    if (this.closed) throw new Error('The sandbox is closed; nothing more is written to its folder.');
  }

  private write(order: SandboxOrder): void {
    this.refuseWhenClosed();
    writeFileDurably(path.join(this.ordersDir, `${String(order.seq).padStart(8, '0')}.json`), JSON.stringify(order));
  }

  private index(order: SandboxOrder): void {
    this.orders.set(order.orderId, order);
    this.byReference.set(`${order.api}:${order.reference}`, order);
    this.lastSeq = Math.max(this.lastSeq, order.seq);
  }

  private loadIdentity(apiKey: string | undefined): SandboxIdentity {
    const file = path.join(this.dir, 'identity.json');
    const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SandboxIdentity) : null;
    const identity: SandboxIdentity = existing ?? {
      apiKey: `sbx_${randomBytes(24).toString('base64url')}`,
      merchantId: `603${String(randomInt(10_000_000, 99_999_999))}`,
      clientProgramNumber: String(randomInt(40_000_000, 49_999_999)),
      cardSeed: randomBytes(32).toString('hex'),
    };
    if (apiKey !== undefined) identity.apiKey = apiKey;
    if (!existing || existing.apiKey !== identity.apiKey) writeFileDurably(file, JSON.stringify(identity));
    return identity;
  }
}

export function orderTotalCents(order: Pick<SandboxOrder, 'lines'>): number {
  return order.lines.reduce((sum, l) => sum + l.amountCents * l.quantity, 0);
}

export function orderQuantity(order: Pick<SandboxOrder, 'lines'>): number {
  return order.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** The identity a sandbox in this folder uses, for a test or the app that must hand its key to a client. */
export function readSandboxIdentity(stateDir: string): Pick<SandboxIdentity, 'apiKey' | 'merchantId' | 'clientProgramNumber'> {
  const id = JSON.parse(readFileSync(path.join(stateDir, 'identity.json'), 'utf8')) as SandboxIdentity;
  return { apiKey: id.apiKey, merchantId: id.merchantId, clientProgramNumber: id.clientProgramNumber };
}
