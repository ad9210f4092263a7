import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { readSandboxIdentity } from '../../main/sandbox/state-store';
import { tempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const orphans: number[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const pid of orphans.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
});

interface Served { child: ChildProcess; line: string; url: string; stderr: () => string }

/** Runs serve.ts in its own process and waits for its one JSON line. */
async function serve(stateDir: string, ...args: string[]): Promise<Served> {
  // node --import tsx, not the tsx wrapper: the child's pid must be the server itself, so SIGKILL really kills it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/sandbox/serve.ts', '--state-dir', stateDir, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve.ts exited ${code}: ${err}`)));
  });
  return { child, line, url: (JSON.parse(line) as { url: string }).url, stderr: () => err };
}

const placeOrder = (url: string, apiKey: string, refno: string) =>
  fetch(`${url}/v1/partner/giftcards/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ payments: [{ code: 'svc', amount: 50 }], products: [{ sku: 'WWQ651BHNWSH', price: 5, qty: 10, currency: '036' }], refno, syncOnly: false }),
  });

describe('sandbox in its own process', () => {
  it('prints its address and ids but never its key, and an order it answered survives SIGKILL', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    const printed = JSON.parse(first.line) as Record<string, string>;
    const identity = readSandboxIdentity(dir);
    expect(Object.keys(printed).sort()).toEqual(['clientProgramNumber', 'merchantId', 'url']);
    expect(printed).toMatchObject({ merchantId: identity.merchantId, clientProgramNumber: identity.clientProgramNumber });
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.line + first.stderr()).not.toContain(identity.apiKey);

    expect((await placeOrder(first.url, identity.apiKey, 'killed-1')).status).toBe(202);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await serve(dir);
    const status = await fetch(`${second.url}/v1/partner/giftcards/order/killed-1/status`, { headers: { 'x-api-key': identity.apiKey } });
    expect(status.status).toBe(200);
    expect(((await status.json()) as { refno: string }).refno).toBe('killed-1');
    expect((await placeOrder(second.url, identity.apiKey, 'killed-1')).status).toBe(400);
  });

  it('takes faults at start and through its admin endpoint; a dropped answer leaves exactly one order', async () => {
    const dir = tempDir();
    const s = await serve(dir, '--faults', JSON.stringify({ dropAfterAcceptRate: 1 }), '--processing', JSON.stringify({ baseMs: 100, perCardMs: 0 }));
    const { apiKey } = readSandboxIdentity(dir);
    await expect(placeOrder(s.url, apiKey, 'dropped-1')).rejects.toThrow();
    const put = await fetch(`${s.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ dropAfterAcceptRate: 0 }) });
    expect(put.status).toBe(200);
    expect((await placeOrder(s.url, apiKey, 'dropped-1')).status).toBe(400);
    const stats = (await (await fetch(`${s.url}/__sandbox/stats`)).json()) as { ordersByReference: Record<string, number>; faultsInjected: { dropped: number } };
    expect(stats.ordersByReference).toEqual({ 'dropped-1': 1 });
    expect(stats.faultsInjected.dropped).toBe(1);
  });
});

/** The one process the wrapper started, found by its parent in /proc. */
function childOf(parent: number): number {
  const kids = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && ppidOf(Number(d)) === parent);
  expect(kids).toHaveLength(1);
  return Number(kids[0]);
}

function ppidOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: read after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Alive and not a zombie: an orphan's exit is reaped by whatever adopted it, perhaps never. */
function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('sandbox run through the tsx wrapper', () => {
  it('stops when the wrapper it runs under is killed, releasing its state folder', async () => {
    const dir = tempDir();
    const wrapper = spawn(path.join(root, 'node_modules/.bin/tsx'), ['main/sandbox/serve.ts', '--state-dir', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(wrapper);
    await new Promise<string>((resolve) => createInterface({ input: wrapper.stdout! }).once('line', resolve));
    const server = childOf(wrapper.pid!);
    orphans.push(server);
    wrapper.kill('SIGKILL');
    // Watched by its pid, not its port: another test's server may take the freed port at once and answer on it.
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 100));
      gone = !running(server);
    }
    expect(gone).toBe(true);
    // The folder is let go before the port closes: the next sandbox starts on it at the first try.
    const next = await serve(dir);
    expect(next.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
