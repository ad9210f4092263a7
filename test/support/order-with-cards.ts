import type { Core, CoreOptions } from '../../main/core/create-core';
import type { Account, NewCard } from '../../shared/domain';
import { addTestAccount, openCore } from '../support/core';
import { tempDir } from '../support/temp-dir';

/**
 * Cards the way providers hand them over, in their variety: Wpay-like digit numbers with a separate barcode value,
 * Blackhawk-like alphanumeric numbers with no barcode (the number is scanned), eGift URLs on some.
 */
export function mixedCards(n: number, seed = 7): NewCard[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 4;
    const digits = String(1_000_000_000_000 + ((i + 1) * 7_919_993 + seed * 104_729) % 9_000_000_000_000);
    const number = kind === 3 ? `BH${digits.slice(-10)}X${i}` : `628${seed}${digits}${i % 10}`;
    const pin = String(1000 + ((i * 48_271 + seed * 31) % 9000)) + String(i % 10);
    return {
      lineId: null,
      providerKey: `k-${seed}-${i}`,
      number,
      pin,
      activationCode: null,
      barcode: kind === 3 ? null : `99${number}`,
      barcodeFormat: null,
      labels: null,
      url: i % 3 === 0 ? `https://egift.example/r/${seed}-${i}?c=${number.slice(-6)}` : null,
      amountCents: kind === 1 ? 5_050 : 2_500,
      expiry: '2029-03-31',
      productName: kind === 3 ? 'Coles Group & Myer eGift' : 'Woolworths eGift Card',
      sku: kind === 3 ? 'BH-CGM-50' : 'WW-EGIFT',
      raw: JSON.stringify({ cardNumber: number, pin }),
    };
  });
}

export async function coreWithOrder(
  cards: NewCard[],
  dataDir = tempDir(),
  options: Partial<CoreOptions> = {},
): Promise<{ core: Core; orderId: number; dataDir: string }> {
  const core = await openCore(dataDir, options);
  return { core, orderId: storeOrder(core, cards), dataDir };
}

/** The accounts a stored order can belong to: a real Wpay one, or the built-in sandbox, whose cards are worth nothing. */
export const ACCOUNT_KINDS = {
  real: {},
  sandbox: { name: 'Sandbox test', provider: 'sandbox', sandboxFlavor: 'wpay', baseUrl: 'http://127.0.0.1:1' },
} satisfies Record<string, Partial<Account>>;

/** An order of a new account of that kind, holding these cards; returns its id. */
export function storeOrder(core: Core, cards: NewCard[], kind: keyof typeof ACCOUNT_KINDS = 'real', reference = `GD-TEST-${cards.length}`): number {
  const account = addTestAccount(core, ACCOUNT_KINDS[kind]);
  const order = core.orders.createDraft(
    { accountId: account.id, clientReference: reference, currency: 'AUD', lines: [{ sku: 'WW-EGIFT', faceValueCents: 2500, quantity: cards.length }] },
    Date.now(),
  );
  core.cards.insertMany(order.id, cards, Date.now());
  return order.id;
}
