import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/start-sandbox';
import { readSandboxIdentity } from '../../main/sandbox/state-store';
import { allFiles } from '../support/files';
import { tempDir } from '../support/temp-dir';
import { bhOrderBody, blackhawk, MovableClock, sandbox, wpay, wpayOrderBody } from '../support/sandbox-harness';

interface CardsPage { cards: { cardNumber: string; cardPin: string; barcode: string }[] }
interface Codes { eGifts?: { url: string; pin?: string; cardNumber?: string }[]; orderStatus?: string }

describe('sandbox persistence', () => {
  it('serves the same orders with the same cards after a restart on a new port, and keeps its key and ids', async () => {
    const dir = tempDir();
    const clock = new MovableClock();
    const first = await sandbox({ stateDir: dir, clock, processing: { baseMs: 1_000 } });
    const placed = await wpay(first, 'POST', '/orders', wpayOrderBody('p-1', 120));
    const bh = await blackhawk(first, 'POST', '/rewardsOrderProcessing/v1/submitEgiftBulk', {
      body: bhOrderBody(first, [{ quantity: 4, amount: 20, contentProvider: 'BestBuy_eGift' }], true),
      requestId: 'p-bh',
      wait: 0,
    });
    expect(bh.status).toBe(202);
    clock.advance(5_000);
    const orderId = placed.body.orderId as string;
    const before = await wpay<CardsPage>(first, 'GET', `/order/${orderId}/cards?offset=100&limit=100`);
    const bhNumber = (await blackhawk(first, 'GET', '/rewardsOrderProcessing/v1/orderInfo/byKeys?requestId=p-bh&clientProgramNumber=' + first.clientProgramNumber)).body.orderNumber as string;
    const bhBefore = await blackhawk<Codes>(first, 'GET', `/rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys?orderNumber=${bhNumber}`);
    await first.close();

    const second = await sandbox({ stateDir: dir, clock });
    expect(second.url).not.toBe(first.url);
    expect([second.apiKey, second.merchantId, second.clientProgramNumber]).toEqual([first.apiKey, first.merchantId, first.clientProgramNumber]);
    expect(readSandboxIdentity(dir)).toEqual({ apiKey: first.apiKey, merchantId: first.merchantId, clientProgramNumber: first.clientProgramNumber });
    const after = await wpay<CardsPage>(second, 'GET', `/order/${orderId}/cards?offset=100&limit=100`);
    expect(after.status).toBe(201);
    expect(after.body.cards).toEqual(before.body.cards);
    const bhAfter = await blackhawk<Codes>(second, 'GET', `/rewardsOrderProcessing/v1/eGiftBulkCodeRetrievalInfo/byKeys?orderNumber=${bhNumber}`);
    expect(bhAfter.body.eGifts).toHaveLength(4);
    expect(bhAfter.body).toEqual(bhBefore.body);
    expect((await wpay(second, 'POST', '/orders', wpayOrderBody('p-1', 120))).body).toMatchObject({ code: '5313' });
    expect(second.stats().ordersByReference).toEqual({ 'p-1': 1, 'p-bh': 1 });

    // Card data is derived, never stored: no card number or PIN is anywhere in the state folder.
    const stored = allFiles(dir).map((f) => f.bytes.toString('utf8')).join('\n');
    const secrets = [...after.body.cards.map((c) => c.cardNumber), ...(bhAfter.body.eGifts ?? []).map((g) => g.cardNumber)];
    expect(secrets).toHaveLength(24);
    for (const number of secrets) expect(stored.includes(number!)).toBe(false);
  });

  it('carries on processing from the persisted accepted time across a restart', async () => {
    const dir = tempDir();
    const clock = new MovableClock();
    const first = await sandbox({ stateDir: dir, clock, processing: { baseMs: 60_000, perCardMs: 0 } });
    await wpay(first, 'POST', '/orders', wpayOrderBody('slow-1', 5));
    clock.advance(30_000);
    expect((await wpay(first, 'GET', '/order/slow-1/status')).body).toMatchObject({ status: 'PROCESSING' });
    await first.close();

    // Restarted with a faster setting: the order keeps the ready time it was given, neither restarted nor hurried.
    const second = await sandbox({ stateDir: dir, clock, processing: { baseMs: 1 } });
    expect((await wpay(second, 'GET', '/order/slow-1/status')).body).toMatchObject({ status: 'PROCESSING' });
    clock.advance(31_000);
    expect((await wpay(second, 'GET', '/order/slow-1/status')).body).toMatchObject({ status: 'COMPLETE' });
  });

  it('refuses a second sandbox on a state folder in use, and a non-loopback address', async () => {
    const dir = tempDir();
    const first = await sandbox({ stateDir: dir });
    await expect(startSandbox({ stateDir: dir })).rejects.toThrow(/in use by process/);
    await first.close();
    const again = await sandbox({ stateDir: dir });
    expect(again.apiKey).toBe(first.apiKey);
    await expect(startSandbox({ stateDir: tempDir(), host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });

  it('lets go of its folder as it stops answering, not after: the next sandbox starts on it at once', async () => {
    const dir = tempDir();
    const first = await sandbox({ stateDir: dir });
    expect((await wpay(first, 'POST', '/orders', wpayOrderBody('closing-1', 1))).status).toBe(202);
    const closed = first.close();
    const next = await sandbox({ stateDir: dir });
    await closed;
    await expect(wpay(first, 'GET', '/sva/balance')).rejects.toThrow();
    expect((await wpay(next, 'GET', '/order/closing-1/status')).body).toMatchObject({ refno: 'closing-1' });
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock whose pid now belongs to another process (pids are recycled after a crash)', async () => {
    const dir = tempDir();
    // This test's own, live pid, but with a start time that is not this process's: the writer is long gone.
    writeFileSync(path.join(dir, 'sandbox.lock'), `${process.pid}:1`);
    const s = await sandbox({ stateDir: dir });
    expect((await wpay(s, 'GET', '/sva/balance')).status).toBe(200);
  });

  it('writes the order to disk before answering, as metadata only', async () => {
    const dir = tempDir();
    const s = await sandbox({ stateDir: dir });
    const placed = await wpay(s, 'POST', '/orders', wpayOrderBody('disk-1', 7, { price: 12.5 }));
    expect(placed.status).toBe(202);
    const files = readdirSync(path.join(dir, 'orders'));
    expect(files).toHaveLength(1);
    const order = JSON.parse(readFileSync(path.join(dir, 'orders', files[0]!), 'utf8')) as Record<string, unknown>;
    expect(order).toMatchObject({ reference: 'disk-1', orderId: placed.body.orderId, lines: [{ sku: 'WWQ651BHNWSH', amountCents: 1250, quantity: 7 }], cancelledAt: null });
    expect(Object.keys(order).sort()).toEqual(
      ['acceptedAt', 'api', 'cancelWithinMinutes', 'cancelledAt', 'lines', 'orderId', 'readyAt', 'realtime', 'reference', 'returnCardNumberAndPin', 'seq'].sort(),
    );
  });
});
