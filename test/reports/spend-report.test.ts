// The bookkeeper's spend report over a year of seeded orders, checked against a sum the test makes on its own from
// what it seeded (not from the store), in a time zone where UTC and local months differ; then the XLSX the CLI wrote,
// opened by LibreOffice headless, must show the same figures.
process.env.TZ = 'Australia/Sydney';

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { OrderState } from '../../shared/domain';
import { pathTo } from '../support/order-states';
import { runCli } from '../support/cli';
import { addTestAccount, openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { tool } from '../support/tools';

const ZONE = 'Australia/Sydney';
const STATES: OrderState[] = ['draft', 'submitting', 'accepted', 'processing', 'fetching', 'complete', 'needs-attention', 'failed', 'cancelled'];
const COUNTED = new Set<OrderState>(['accepted', 'processing', 'fetching', 'complete', 'needs-attention']);
const PRODUCTS = [
  { sku: 'WW-EGIFT', name: 'Woolworths eGift' },
  { sku: 'BIGW-EGIFT', name: 'BIG W eGift' },
  { sku: 'MOVIE-EGIFT', name: 'Movie Night eGift' },
];

interface Seeded {
  account: string;
  currency: string;
  state: OrderState;
  acceptedAt: number | null;
  lines: { sku: string; name: string; cents: number; qty: number }[];
}

/** A small deterministic generator, so a failure can be run again exactly. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** The month of a moment as Sydney's wall clock shows it, by Intl (the report itself uses Date's local fields). */
function sydneyMonth(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).formatToParts(ms);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

const seeded: Seeded[] = [];
let dataDir = '';
const dir = tempDir('giftdesk-spend-');
const profile = tempDir('giftdesk-lo-profile-');

// From 1 Feb to 30 Jun 2026, Sydney time: 31 Jan 13:00 UTC is 1 Feb 00:00 there.
const FROM = '2026-02-01';
const TO = '2026-06-30';
const rangeStart = Date.UTC(2026, 0, 31, 13, 0);
const rangeEnd = Date.UTC(2026, 5, 30, 14, 0);

beforeAll(async () => {
  dataDir = tempDir('giftdesk-spend-data-');
  const core = await openCore(dataDir);
  const accounts = [addTestAccount(core, { name: 'Front Office', currency: 'AUD' }), addTestAccount(core, { name: 'Events Team', currency: 'AUD' }), addTestAccount(core, { name: 'US Office', currency: 'USD', provider: 'blackhawk', baseUrl: 'https://api.blackhawknetwork.com' })];
  const pick = rng(19);
  // Edges on purpose: accepted at the first and last instant of the range (Sydney), and just outside either end;
  // 31 Mar 14:30 UTC is 1 Apr 01:30 in Sydney (daylight time ends on 5 Apr), so it counts in April, not March.
  const edges = [rangeStart, rangeEnd - 1, rangeStart - 1, rangeEnd, Date.UTC(2026, 2, 31, 14, 30)];
  for (let i = 0; i < 120; i++) {
    const account = accounts[pick(accounts.length)]!;
    const state = STATES[pick(STATES.length)]!;
    const lines = Array.from({ length: 1 + pick(3) }, () => {
      const product = PRODUCTS[pick(PRODUCTS.length)]!;
      return { sku: product.sku, name: product.name, cents: (1 + pick(40)) * 500, qty: 1 + pick(30) };
    });
    const draft = core.orders.createDraft(
      { accountId: account.id, clientReference: `ref-${i}`, currency: account.currency, lines: lines.map((l) => ({ sku: l.sku, productName: l.name, faceValueCents: l.cents, quantity: l.qty })) },
      Date.UTC(2026, 0, 1) + i * 3_600_000,
    );
    // Drafts and orders that failed before the provider had them were never accepted; cancelled ones were accepted, then reversed.
    const accepted = !['draft', 'submitting'].includes(state) && !(state === 'failed' && i % 2 === 0);
    const acceptedAt = accepted ? (edges[i] ?? Date.UTC(2026, 0, 20) + pick(170) * 86_400_000 + pick(86_400_000)) : null;
    const events = state === 'failed' && accepted ? [...pathTo('draft', 'accepted')!, 'provider-failed' as const] : state === 'cancelled' ? [...pathTo('draft', 'complete')!, 'reversed' as const] : pathTo('draft', state)!;
    for (const event of events) core.orders.transition(draft.id, event, acceptedAt !== null && event !== 'send' ? { acceptedAt } : {}, person('engine', 'engine'), acceptedAt ?? Date.now());
    expect(core.orders.get(draft.id).state).toBe(state);
    seeded.push({ account: account.name, currency: account.currency, state, acceptedAt, lines });
  }
  await core.close();
}, 120_000);

/** Spend = accepted face value less what was reversed, summed by hand from the seed list. */
function expectedSpend(key: (o: Seeded, line: Seeded['lines'][number]) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const o of seeded) {
    if (o.acceptedAt === null || o.acceptedAt < rangeStart || o.acceptedAt >= rangeEnd) continue;
    if (!COUNTED.has(o.state) && o.state !== 'cancelled') continue;
    // A reversed order was accepted, so its group is there, with nothing left to spend from it.
    for (const l of o.lines) sums.set(key(o, l), (sums.get(key(o, l)) ?? 0) + (o.state === 'cancelled' ? 0 : l.cents * l.qty));
  }
  return sums;
}

const cents = (text: string) => Math.round(Number(text) * 100);
const readCsv = (file: string) => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('report spend', () => {
  test('by account × month equals the sum made independently, and LibreOffice reads the same figures from its XLSX', async () => {
    const file = path.join(dir, 'spend.xlsx');
    const r = await runCli(dataDir, ['--json', 'report', 'spend', '--from', FROM, '--to', TO, '--by', 'account', '--by', 'month', '--out', file]);
    expect(r.code, r.stderr).toBe(0);

    tool('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file]);
    const csv = path.join(dir, 'spend.csv');
    expect(existsSync(csv)).toBe(true);
    const rows = readCsv(csv);
    const shown = new Map(rows.map((row) => [`${row.account}|${row.month}|${row.currency}`, cents(row.spend!)]));
    const expected = expectedSpend((o) => `${o.account}|${o.acceptedAt === null ? '' : sydneyMonth(o.acceptedAt)}|${o.currency}`);
    expect(shown).toEqual(expected);
    // The seed has an order accepted at 1 Apr 01:30 Sydney (31 Mar UTC): the month is the local one.
    expect([...expected.keys()].some((k) => k.includes('2026-04'))).toBe(true);
    for (const row of rows) expect(cents(row.accepted!) - cents(row.reversed!)).toBe(cents(row.spend!));
    const reversed = seeded.filter((o) => o.state === 'cancelled' && o.acceptedAt !== null && o.acceptedAt >= rangeStart && o.acceptedAt < rangeEnd);
    expect(rows.reduce((n, row) => n + cents(row.reversed!), 0)).toBe(reversed.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.cents * l.qty, 0), 0));
  }, 120_000);

  test('by product as CSV equals the independent sum per product and currency', async () => {
    const file = path.join(dir, 'by-product.csv');
    const r = await runCli(dataDir, ['report', 'spend', '--from', FROM, '--to', TO, '--by', 'product', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(file);
    expect(Object.keys(rows[0]!)).toEqual(['product', 'sku', 'currency', 'orders', 'cards', 'accepted', 'reversed', 'spend']);
    expect(new Map(rows.map((row) => [`${row.sku}|${row.currency}`, cents(row.spend!)]))).toEqual(expectedSpend((o, l) => `${l.sku}|${o.currency}`));
  }, 60_000);

  test('refuses a bad date or grouping naming the option, and writes nothing', async () => {
    const file = path.join(dir, 'never.csv');
    const bad = await runCli(dataDir, ['report', 'spend', '--from', '2026-02-30', '--to', TO, '--out', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^from: "2026-02-30" is not a date/m);
    const by = await runCli(dataDir, ['report', 'spend', '--from', FROM, '--to', TO, '--by', 'week', '--out', file]);
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/^by: "week" is not a way to group spend/m);
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});

describe('report orders', () => {
  test('the order history as XLSX has every order line, its totals, and no card secret column', async () => {
    const file = path.join(dir, 'orders.xlsx');
    const r = await runCli(dataDir, ['report', 'orders', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    tool('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file]);
    const rows = readCsv(path.join(dir, 'orders.csv'));
    expect(rows).toHaveLength(seeded.reduce((n, o) => n + o.lines.length, 0));
    expect(Object.keys(rows[0]!).some((c) => /number|pin|barcode|url/i.test(c))).toBe(false);
    const total = rows.reduce((n, row) => n + cents(row.line_total!), 0);
    expect(total).toBe(seeded.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.cents * l.qty, 0), 0));
  }, 120_000);
});
