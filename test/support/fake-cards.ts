import type { NewCard } from '../../shared/domain';

/** Cards with realistic, distinct numbers and PINs, to search for in bytes. */
export function fakeCards(n: number, seed = 1): NewCard[] {
  return Array.from({ length: n }, (_, i) => {
    const number = `62${String(seed).padStart(4, '0')}${String(100_000_000 + i * 7919).padStart(13, '0')}`;
    const pin = String(100_000 + ((i * 48271 + seed * 31) % 900_000));
    return {
      lineId: null,
      providerKey: number,
      number,
      pin,
      activationCode: null,
      barcode: `9${number}`,
      barcodeFormat: null,
      labels: null,
      url: i % 3 === 0 ? `https://egift.example/c/${number}` : null,
      amountCents: 2500,
      expiry: '2028-05-04',
      productName: 'Test eGift Card',
      sku: 'TESTSKU',
      raw: JSON.stringify({ cardNumber: number, cardPin: pin }),
    };
  });
}
