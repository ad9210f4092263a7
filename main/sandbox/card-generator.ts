import { createHmac } from 'node:crypto';
import type { SandboxOrder } from './types';

/** The secret parts of one card, derived (never stored) from the sandbox seed, the order and the card's index. */
export interface GeneratedCard {
  index: number;
  lineIndex: number;
  cardNumber: string;
  pin: string;
  barcode: string;
  /** Blackhawk eGift URL; a reserved .invalid host, so a sandbox URL can never be mistaken for a live eGift. */
  url: string;
}

const URL_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTVWXYZ';

export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isLuhnValid(number: string): boolean {
  return /^\d+$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}

export function createCardGenerator(cardSeed: string) {
  const key = Buffer.from(cardSeed, 'hex');
  const bytes = (label: string, order: SandboxOrder, index: number): Buffer =>
    createHmac('sha256', key).update(`${label}|${order.api}|${order.orderId}|${index}`).digest();
  const digits = (buf: Buffer, count: number): string => {
    let out = '';
    for (let i = 0; out.length < count; i++) out += String(buf[i % buf.length]! % 10);
    return out;
  };
  const token = (buf: Buffer, count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += URL_ALPHABET[buf[i % buf.length]! % URL_ALPHABET.length];
    return out;
  };

  // The order-wide part of every eGift URL, made once per order rather than once per card: a stand-in provider that
  // spends its time on HMACs would measure itself instead of the client.
  const tids = new Map<string, string>();
  const tidOf = (order: SandboxOrder): string => {
    const key = `${order.api}|${order.orderId}`;
    let tid = tids.get(key);
    if (tid === undefined) tids.set(key, (tid = token(bytes('tid', order, 0), 26)));
    return tid;
  };

  return {
    /** Card `index` (0-based over the whole order). Numbers carry the order's seq and the index, so they never repeat. */
    card(order: SandboxOrder, index: number): GeneratedCard {
      const lineIndex = lineOf(order, index);
      const secret = bytes('card', order, index);
      const seq = String(order.seq % 1_000_000).padStart(6, '0');
      const idx = String(index).padStart(5, '0');
      // Wpay cards are 19 digits like the example; Blackhawk's 16.
      const payload = order.api === 'wpay' ? `628${seq}${idx}${digits(secret, 4)}` : `98${seq}${idx}${digits(secret, 2)}`;
      const cardNumber = payload + luhnCheckDigit(payload);
      const pin = digits(secret.subarray(20), 4);
      const barcode = order.api === 'wpay' ? `${cardNumber}${pin}${digits(secret.subarray(8), 10)}` : cardNumber;
      const url = `https://egift.sandbox.giftdesk.invalid/egift?tid=${tidOf(order)}&gcm=n&gs=n&gw=n&eid=${token(secret.subarray(4), 26)}`;
      return { index, lineIndex, cardNumber, pin, barcode, url };
    },
    /** Dice of one card's life after it is issued (how much of it is spent, and when), fixed by the seed. */
    usage(order: SandboxOrder, index: number): Buffer {
      return bytes('usage', order, index);
    },
    /** Blackhawk's transactionId for an order: stable, so a retried submit answers the same one. */
    transactionId(order: SandboxOrder): string {
      return token(bytes('transaction', order, 0), 26);
    },
  };
}

export type CardGenerator = ReturnType<typeof createCardGenerator>;

function lineOf(order: SandboxOrder, index: number): number {
  let remaining = index;
  for (let i = 0; i < order.lines.length; i++) {
    if (remaining < order.lines[i]!.quantity) return i;
    remaining -= order.lines[i]!.quantity;
  }
  throw new RangeError(`card ${index} is beyond the order's quantity`);
}
