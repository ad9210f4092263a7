import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderClient, type ProviderClientHandle } from '../../main/core/providers/create-provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { startMtlsServer, type MtlsServer } from '../support/mtls-server';
import { account, fixture, rejection } from '../support/provider-fixtures';
import { makeTestPki, type TestPki } from '../support/test-pki';
import { scriptCommand } from '../support/test-bundle';

// Blackhawk over real mutual TLS: a test CA, a server certificate for 127.0.0.1 and client .p12 files made here.
//
// The client trusts the test CA in one of two ways, both of which keep the system list:
// - `extraTrustedCa`, which the client passes to TLS together with Node's default roots and NODE_EXTRA_CA_CERTS
//   (Node's `ca` option replaces the defaults, so the client adds them back itself);
// - NODE_EXTRA_CA_CERTS, in a child process, since Node reads it only at start-up.

const PASSPHRASE = 'correct horse 7 battery';
let pki: TestPki;
let server: MtlsServer;
const open: ProviderClientHandle[] = [];

beforeAll(async () => {
  pki = makeTestPki(PASSPHRASE);
  server = await startMtlsServer(pki, (path) => {
    if (path.endsWith('/submitEgiftBulk')) return { status: 201, body: JSON.parse(fixture('blackhawk-submit-201-complete.json')) };
    if (path.endsWith('/orderInfo/byKeys')) return { status: 200, body: { orderNumber: '401087290', orderStatus: 'Complete', numberOfCards: 3 } };
    if (path.endsWith('/eGiftBulkCodeRetrievalInfo/byKeys')) return { status: 200, body: JSON.parse(fixture('blackhawk-codes-with-card-number-and-pin.json')) };
    return { status: 404, body: { errors: [{ errorCode: 'not.found', message: 'no such path' }] } };
  });
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server.close();
  pki.cleanup();
});

function client(p12: Uint8Array | null, extraTrustedCa: string[] | undefined = [pki.caPem]) {
  const bh = p12
    ? createProviderClient(account('blackhawk', server.url, { clientProgramNumber: '43287904' }), { certificate: { p12, passphrase: PASSPHRASE } }, { extraTrustedCa, retry: { maxAttempts: 1 } })
    : createProviderClient(account('sandbox', server.url, { sandboxFlavor: 'blackhawk' }), {}, { extraTrustedCa, retry: { maxAttempts: 1 } });
  open.push(bh);
  return bh;
}

const ORDER = { reference: '2019-06-12T15:35:28-0500', lines: [{ sku: 'BestBuy_eGift', faceValueCents: 2500, quantity: 3 }], currency: 'USD', realtime: false };

describe('Blackhawk mutual TLS', () => {
  it('with the account certificate, submit, status and code retrieval succeed', async () => {
    const bh = client(pki.clientP12);
    const submitted = await bh.submit(ORDER);
    expect(submitted.status).toMatchObject({ phase: 'complete', providerOrderId: '401087290' });
    expect(await bh.status({ reference: ORDER.reference, providerOrderId: '401087290' })).toMatchObject({ phase: 'complete', totalCards: 3 });
    // The code retrieval example is of order 401087311 of client program 43287904.
    const page = await bh.fetchCards('401087311', bh.planPages(3)[0]!);
    expect(page.state === 'ready' && page.cards.map((c) => c.pin)).toEqual(['1713', '1353', '8125']);
    expect(server.clients.slice(-3)).toEqual(['client', 'client', 'client']);
  });

  it('without a client certificate the handshake fails, and no request is answered', async () => {
    const before = server.clients.length;
    const e = await rejection(client(null).status({ reference: 'r', providerOrderId: '401087290' }));
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).httpStatus).toBeNull();
    expect((e as Error).message).toMatch(/secure connection was refused|connection dropped/);
    expect(server.clients.length).toBe(before);
  });

  it('a certificate the server does not accept fails the handshake as fatal, even for a submit', async () => {
    const before = server.clients.length;
    const bh = client(pki.strangerP12);
    const e = await rejection(bh.status({ reference: 'r', providerOrderId: '401087290' }));
    expect(e).toMatchObject({ errorClass: 'fatal', httpStatus: null });
    expect((e as Error).message).toContain('secure connection was refused');
    // Not "uncertain": the refusal came before any request was written, so no order can exist.
    expect(await rejection(bh.submit(ORDER))).toMatchObject({ errorClass: 'fatal' });
    expect(server.clients.length).toBe(before);
  });

  it('the server is not trusted unless its CA is added: verification is never switched off', async () => {
    const e = await rejection(client(pki.clientP12, []).status({ reference: 'r', providerOrderId: '401087290' }));
    expect(e).toMatchObject({ errorClass: 'fatal' });
    expect((e as Error).message).toContain('secure connection was refused');
  });

  it('a wrong passphrase is said at once, without the passphrase', () => {
    let thrown: unknown;
    try {
      createProviderClient(account('blackhawk', server.url), { certificate: { p12: pki.clientP12, passphrase: 'wrong' } });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ProviderError);
    expect((thrown as Error).message).toContain('the client certificate could not be opened');
    expect((thrown as Error).message).not.toContain(PASSPHRASE);
  });

  it('a Blackhawk account without a certificate is refused before any request', () => {
    expect(() => createProviderClient(account('blackhawk', server.url), {})).toThrow(/no client certificate/);
  });
});

describe('NODE_EXTRA_CA_CERTS', () => {
  // Asynchronous: the server answering the child lives in this process's event loop.
  async function statusInChild(extraCaFile: string, runs: { extraTrustedCa?: string[] }[]) {
    const input = JSON.stringify({ url: server.url, p12Base64: Buffer.from(pki.clientP12).toString('base64'), passphrase: PASSPHRASE, runs });
    const [node, ...script] = scriptCommand('test/support/blackhawk-status-child.ts');
    const child = promisify(execFile)(node!, script, {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: extraCaFile },
      encoding: 'utf8',
    });
    child.child.stdin?.end(input);
    const { stdout } = await child;
    return JSON.parse(stdout) as { ok: boolean; phase?: string; errorClass?: string; message?: string }[];
  }

  it('trusts a CA given in NODE_EXTRA_CA_CERTS, with the client certificate, and still when other CAs are added', async () => {
    const caFile = join(pki.dir, 'extra-ca.pem');
    writeFileSync(caFile, pki.caPem);
    // The second client adds an unrelated CA: that must not drop the one from the environment.
    const unrelated = readFileSync(join(pki.dir, 'stranger-ca.pem'), 'utf8');
    expect(await statusInChild(caFile, [{}, { extraTrustedCa: [unrelated] }])).toEqual([
      { ok: true, phase: 'complete' },
      { ok: true, phase: 'complete' },
    ]);
  });
});
