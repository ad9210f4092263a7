import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { person } from '../support/core';
import { expectedRows, readCsv } from '../support/csv-rows';
import { engineRig, settled, wpayLine } from '../support/engine-harness';
import { tempDir } from '../support/temp-dir';
import { mustRun, pdfText, scanPdf } from '../support/tools';

// Real Wpay card payloads (issue 13, cases 9 and 10), built around the quoted fields in the shape of the seed's cards
// page and served by the sandbox over HTTP: a number only among the formats, the provider's own labels, a barcode only
// among the formats, an activation code, barcodes of other symbologies.

describe('a card whose number comes only in formats (CNONLY)', () => {
  it('is stored from a real-time answer, keyed by that number, with its code under the provider’s label on the sheet', async () => {
    const rig = await engineRig({ faults: { hostile: ['card-number-only-in-formats'] } });
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(4)], pollEverySeconds: 1 })).id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    expect(order.realtime).toBe(true);
    const cards = rig.core.cards.list(order.id);
    expect(cards).toHaveLength(4);
    for (const c of cards) {
      const raw = JSON.parse(c.raw) as { cardNumber: unknown; formats: { key: string; value: string }[] };
      expect(raw.cardNumber).toBeNull();
      expect(c.number).toBe(raw.formats.find((f) => f.key === 'CNONLY')!.value);
      expect(c.providerKey).toBe(c.number);
      expect(c.labels).toEqual({ number: 'Gift Card Number', pin: 'Voucher Code', activationCode: 'Activation Code', expiry: 'Validity' });
    }
    expect(rig.core.app.cards.search(person(), { orderId: order.id }).cards[0]!.labels).toMatchObject({ pin: 'Voucher Code' });

    const pdf = path.join(tempDir(), 'sheet.pdf');
    await rig.core.app.outputs.saveSheet(person(), { orderId: order.id, layout: 'a4-4', outPath: pdf });
    const { text } = pdfText(pdf);
    expect(text.match(/VOUCHER CODE/g)).toHaveLength(4);
    expect(text.match(/GIFT CARD NUMBER/g)).toHaveLength(4);
    expect(text).not.toMatch(/\bPIN\b/);
    for (const c of cards) expect(text).toContain(c.pin!);
  });
});

describe('barcodes and activation codes among the formats', () => {
  it('keeps the QCBARCODE value the till scans and the activation code, prints that barcode, and writes activation_code to card files', async () => {
    const rig = await engineRig({ faults: { hostile: ['barcode-only-in-formats'] } });
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(12, 2_500)], pollEverySeconds: 1 })).id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    const cards = rig.core.cards.list(order.id);
    for (const c of cards) {
      const raw = JSON.parse(c.raw) as { barcode: string; activationCode: string; formats: { key: string; value: string }[] };
      expect(raw.barcode).toBe('');
      expect(c.barcode).toBe(raw.formats.find((f) => f.key === 'QCBARCODE-26-V1')!.value);
      expect(c.barcode).not.toBe(c.number);
      expect(c.barcodeFormat).toBe('code128');
      expect(c.activationCode).toBe(raw.activationCode);
    }

    const dir = tempDir();
    const pdf = path.join(dir, 'sheet.pdf');
    await rig.core.app.outputs.saveSheet(person(), { orderId: order.id, layout: 'a4-10', outPath: pdf });
    expect(scanPdf(pdf, dir).code128.sort()).toEqual(cards.map((c) => c.barcode).sort());

    const identity = path.join(dir, 'key.txt');
    mustRun('age-keygen', ['-o', identity]);
    const recipient = mustRun('age-keygen', ['-y', identity]).trim();
    const file = path.join(dir, 'cards.csv.age');
    await rig.core.app.outputs.exportCards(person(), { orderId: order.id, format: 'age', outPath: file, recipients: [recipient] });
    const csv = path.join(dir, 'cards.csv');
    mustRun('age', ['-d', '-i', identity, '-o', csv, file]);
    const rows = readCsv(csv);
    expect(rows).toEqual(expectedRows(order, cards, true));
    const column = rows[0]!.indexOf('activation_code');
    expect(rows.slice(1).map((r) => r[column])).toEqual(cards.map((c) => c.activationCode));
  });

  it('prints each barcode in the symbology its format names: Interleaved 2 of 5 and QR scan back, PDF417 and Data Matrix are drawn', async () => {
    const rig = await engineRig({ faults: { hostile: ['barcode-symbologies'] } });
    const order = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(16)], pollEverySeconds: 1 })).id);
    expect(order.state, order.stateReason ?? '').toBe('complete');
    const cards = rig.core.cards.list(order.id);
    const of = (format: string) => cards.filter((c) => c.barcodeFormat === format).map((c) => c.barcode!).sort();
    expect([of('interleaved2of5').length, of('qrcode').length, of('pdf417').length, of('datamatrix').length]).toEqual([4, 4, 4, 4]);

    const dir = tempDir();
    const pdf = path.join(dir, 'sheet.pdf');
    expect(await rig.core.app.outputs.saveSheet(person(), { orderId: order.id, layout: 'a4-4', outPath: pdf })).toMatchObject({ cards: 16, pages: 4 });
    const scanned = scanPdf(pdf, dir, 300);
    expect(scanned.i25.sort()).toEqual(of('interleaved2of5'));
    expect(scanned.qr.sort()).toEqual(of('qrcode'));
    // No Code 128 of the card number where the provider named another symbology.
    expect(scanned.code128).toEqual([]);
  });
});
