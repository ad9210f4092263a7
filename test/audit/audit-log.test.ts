// The audit log as a person reads it: a sentence for every action of the vocabulary, who did it, filters by action,
// order and day (older entries found under the names they were written with), keyset pages that reach the oldest
// entry, and the CSV export (formula guard included) — through the real store and the real CLI.
process.env.TZ = 'Australia/Sydney';

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditSentence, auditWho, hasSentence } from '../../shared/audit-sentences';
import { AUDIT_ACTIONS, type AuditEntry } from '../../main/core/audit/vocabulary';
import { runCli } from '../support/cli';
import { addTestAccount, openCore, person } from '../support/core';
import { manualClock } from '../support/manual-clock';
import { moveOrderTo } from '../support/order-states';
import { withRawDb } from '../support/raw-db';
import { tempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');

describe('sentences', () => {
  test('every action the vocabulary declares is listed and has a sentence', () => {
    const source = readFileSync(path.join(root, 'main/core/audit/vocabulary.ts'), 'utf8');
    const body = source.slice(source.indexOf('export interface AuditDetails {'), source.indexOf('export type AuditAction'));
    const declared = [...body.matchAll(/^ {2}'([a-z-]+\.[a-z-]+)':/gm)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(30);
    expect([...AUDIT_ACTIONS].sort()).toEqual([...declared].sort());
    expect(declared.filter((a) => !hasSentence(a))).toEqual([]);
  });

  test('each action reads as words, never as its code, even with no fields at all (an older entry)', () => {
    for (const action of AUDIT_ACTIONS) {
      const sentence = auditSentence({ action, recorded: null, details: {} });
      expect(sentence, action).toMatch(/^[A-Z]/);
      expect(sentence, action).not.toContain(action);
      expect(sentence, action).not.toMatch(/undefined|null|\[object/);
    }
  });

  test('a print names the order by the name a person gave it, the cards and the layout in words', () => {
    const details = { orderId: 12, reference: 'Staff-party', layout: 'a4-10', scratch: true, cards: 40, pages: 4, sent: true };
    expect(auditSentence({ action: 'sheet.print', recorded: null, details })).toBe("Printed a card sheet of order 12 'Staff-party' (40 cards, 4 pages, A4, 10 per page (2 × 5), scratch-off)");
    expect(auditSentence({ action: 'sheet.preview', recorded: null, details })).toMatch(/^Previewed a card sheet of order 12/);
    expect(auditSentence({ action: 'sheet.save', recorded: null, details: { ...details, file: 'party.pdf' } })).toMatch(/^Saved a card sheet of order 12 'Staff-party' to party\.pdf/);
    // A reference Giftdesk made is no name: the order's number is enough.
    expect(auditSentence({ action: 'cards.export', recorded: null, details: { orderId: 3, reference: 'gd-20261201093000-abcdefghjkmnpqrstvwx', format: 'xlsx', cards: 1, protection: 'generated-passphrase', file: 'c.xlsx', withSheet: false } })).toBe(
      'Exported 1 card of order 3 as XLSX to c.xlsx (with a passphrase Giftdesk made)',
    );
    expect(auditWho({ via: 'cli', user: 'sam' })).toBe('sam, command line');
    expect(auditWho({ via: 'desktop', user: null })).toBe('unknown user, desktop app');
  });
});

describe('filters and pages over a real store', () => {
  let dataDir = '';
  let orderA = 0;
  let orderB = 0;
  // 1 Mar 2026, 09:00 in Sydney.
  const start = Date.UTC(2026, 1, 28, 22, 0);
  const DAY = 86_400_000;

  beforeAll(async () => {
    dataDir = tempDir('giftdesk-audit-');
    const clock = manualClock(start);
    const core = await openCore(dataDir, { clock });
    const account = addTestAccount(core, { name: '=HYPERLINK("http://x")' });
    const place = (reference: string) =>
      core.orders.createDraft({ accountId: account.id, clientReference: reference, currency: 'AUD', lines: [{ sku: 'WW', faceValueCents: 2500, quantity: 2 }] }, clock.now());
    orderA = place('Staff-party').id;
    core.audit.append(person('alice', 'desktop'), { action: 'order.place', details: { orderId: orderA, reference: 'Staff-party', accountId: account.id, account: account.name, lines: 1, quantity: 2, totalCents: 5000, currency: 'AUD' } });
    moveOrderTo(core.orders, orderA, 'complete');
    clock.advance(DAY);
    orderB = place('Volunteers').id;
    core.audit.append(person('bob', 'cli'), { action: 'order.place', details: { orderId: orderB, reference: 'Volunteers', accountId: account.id, account: account.name, lines: 1, quantity: 2, totalCents: 5000, currency: 'AUD' } });
    clock.advance(DAY);
    core.audit.append(person('alice', 'desktop'), { action: 'sheet.print', details: { orderId: orderA, reference: 'Staff-party', layout: 'a4-10', scratch: false, cards: 2, pages: 1, sent: true } });
    // 2,400 lock entries on the last day, so paging has far to go.
    for (let i = 0; i < 2_400; i++) core.audit.append(person('alice', 'desktop'), { action: 'lock.lock', details: { reason: 'manual' } });
    // A user name a spreadsheet would run as a formula.
    core.audit.append(person('=1+2', 'desktop'), { action: 'lock.unlock', details: { method: 'passcode' } });
    await core.close();
    // Rows an older Giftdesk wrote: the CLI's sheet save was "cards.print" and named the door only.
    withRawDb(dataDir, (db) => {
      const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
      insert.run(start + 2 * DAY + 1, 'cli', 'cards.print', `order:${orderA}`, JSON.stringify({ layout: 'a4-8', cards: 2, pages: 1 }));
      insert.run(start + 2 * DAY + 2, 'user', 'order.complete', `order:${orderB}`, JSON.stringify({ from: 'fetching' }));
    });
  }, 60_000);

  async function withCore<T>(use: (core: Awaited<ReturnType<typeof openCore>>) => T): Promise<T> {
    const core = await openCore(dataDir);
    try {
      return use(core);
    } finally {
      await core.close();
    }
  }

  const all = (page: (beforeId?: number) => { entries: AuditEntry[]; nextBeforeId: number | null }) => {
    const entries: AuditEntry[] = [];
    let beforeId: number | null | undefined;
    do {
      const p = page(beforeId ?? undefined);
      entries.push(...p.entries);
      beforeId = p.nextBeforeId;
    } while (beforeId !== null);
    return entries;
  };

  test('by action: the vocabulary’s name finds the older entries written under another one', async () => {
    await withCore((core) => {
      const saves = all((beforeId) => core.app.audit.page(person(), { actions: ['sheet.save'], beforeId }));
      expect(saves.map((e) => [e.action, e.recorded, auditWho(e.actor)])).toEqual([['sheet.save', 'cards.print', 'unknown user, command line']]);
      const transitions = all((beforeId) => core.app.audit.page(person(), { actions: ['order.transition'], orderId: orderB, beforeId }));
      expect(transitions.map(auditSentence)).toEqual([`Order ${orderB} went from fetching to complete`]);
    });
  });

  test('by order and by day (in the machine’s time zone), newest first', async () => {
    await withCore((core) => {
      const ofA = all((beforeId) => core.app.audit.page(person(), { orderId: orderA, beforeId }));
      expect(ofA.every((e) => e.subject === `order:${orderA}`)).toBe(true);
      expect(ofA.map((e) => e.action)).toEqual(['sheet.save', 'sheet.print', 'order.transition', 'order.transition', 'order.transition', 'order.place']);
      // 2 Mar in Sydney holds only order B's placing.
      const second = all((beforeId) => core.app.audit.page(person(), { from: '2026-03-02', to: '2026-03-02', beforeId }));
      expect(second.map(auditSentence)).toEqual([`Placed order ${orderB} 'Volunteers' on '=HYPERLINK("http://x")' (2 cards, A$50.00)`]);
      expect(() => core.app.audit.page(person(), { from: '2026-03-05', to: '2026-03-01' })).toThrow(/before --from/);
    });
  });

  test('pages by id reach the oldest entry with nothing twice and nothing missed', async () => {
    await withCore((core) => {
      const ids = all((beforeId) => core.app.audit.page(person(), { beforeId, limit: 1_000 })).map((e) => e.id);
      const total = withRawDb(dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids.at(-1)).toBe(1);
    });
  });

  test('pages from the oldest end meet the same entries, oldest first, and keep the filter', async () => {
    await withCore((core) => {
      const newest = all((beforeId) => core.app.audit.page(person(), { beforeId, limit: 3 })).map((e) => e.id);
      const oldest: number[] = [];
      let afterId: number | undefined;
      for (;;) {
        const p = core.app.audit.pageFromOldest(person(), { afterId, limit: 3 });
        oldest.push(...p.entries.map((e) => e.id));
        if (p.nextAfterId === null) break;
        afterId = p.nextAfterId;
      }
      expect(oldest).toEqual([...newest].reverse());
      const ofA = core.app.audit.pageFromOldest(person(), { orderId: orderA, limit: 2 }).entries;
      expect(ofA.map((e) => e.action)).toEqual(['order.place', 'order.transition']);
    });
    const r = await runCli(dataDir, ['audit', '--oldest', '--limit', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Placed order ${orderA} 'Staff-party'`);
    expect(r.stderr).toContain('Showing the oldest 1;');
  });

  test('the CLI filters the same way and saves a CSV whose cells never run as formulas', async () => {
    const r = await runCli(dataDir, ['audit', '--action', 'order.place', '--from', '2026-03-01', '--to', '2026-03-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`2026-03-01 09:00:00 +11:00\talice, desktop app\tPlaced order ${orderA} 'Staff-party' on '=HYPERLINK("http://x")' (2 cards, A$50.00)`]);

    const file = path.join(tempDir(), 'audit.csv');
    const saved = await runCli(dataDir, ['--json', 'audit', '--order', String(orderA), '--out', file]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ rows: 6 });
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.action)).toEqual(['sheet.save', 'sheet.print', 'order.transition', 'order.transition', 'order.transition', 'order.place']);
    expect(rows[1]).toMatchObject({ who: 'alice, desktop app', what: `Printed a card sheet of order ${orderA} 'Staff-party' (2 cards, 1 page, A4, 10 per page (2 × 5))` });
    expect(rows[0]!.who).toBe('unknown user, command line');

    const unlocks = path.join(tempDir(), 'unlocks.csv');
    expect((await runCli(dataDir, ['audit', '--action', 'lock.unlock', '--out', unlocks])).code).toBe(0);
    const [unlock] = parse(readFileSync(unlocks, 'utf8'), { columns: true }) as Record<string, string>[];
    // The user's name starts with "=": its cells start with an apostrophe, so a spreadsheet shows it as text.
    expect(unlock).toMatchObject({ user: "'=1+2", who: "'=1+2, desktop app", what: 'Unlocked Giftdesk with the passcode' });

    const refused = await runCli(dataDir, ['audit', '--action', 'cards.print']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^action: "cards.print" is not an action of the audit log/m);
  }, 90_000);
});
