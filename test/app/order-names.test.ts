// Names and memos of orders through the application layer and the CLI: kept, audited with who did it, shown where the
// order is named (its summary, `orders`, the audit sentences of its older entries), no entry for no change, and
// refusals that name the field and change nothing.
import { describe, expect, test } from 'vitest';
import { UnknownOrder } from '../../main/core/app/orders';
import { ValidationError } from '../../main/core/errors';
import { auditSentence, auditSentencesNaming } from '../../shared/audit-sentences';
import { jsonLines, runCli } from '../support/cli';
import { addTestAccount, openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';

const REFERENCE = 'gd-20261201093000-abcdefghjkmnpqrstvwx';

describe('naming an order', () => {
  test('a name and a memo are kept, audited with the actor, shown in the summary; no change writes no entry', async () => {
    const dataDir = tempDir();
    const core = await openCore(dataDir, { sandbox: false });
    try {
      const account = addTestAccount(core);
      const draft = core.orders.createDraft({ accountId: account.id, clientReference: REFERENCE, currency: 'AUD', lines: [{ sku: 'WW', faceValueCents: 2500, quantity: 4 }] }, Date.now());
      const sam = person('sam');
      const placedEntries = () => core.app.audit.page(sam, { actions: ['order.name'] }).entries;

      const named = core.app.orders.name(sam, draft.id, { name: '  Staff party  ', memo: 'For the December staff party.\nAsked by Jo.' });
      expect(named).toMatchObject({ id: draft.id, name: 'Staff party', memo: 'For the December staff party.\nAsked by Jo.' });
      expect(core.app.orders.get(sam, draft.id)).toMatchObject({ name: 'Staff party' });

      // The same again, and a memo left as it is: nothing to record.
      core.app.orders.name(person('alex', 'cli'), draft.id, { name: 'Staff party' });
      expect(placedEntries()).toHaveLength(1);

      core.app.orders.name(person('alex', 'cli'), draft.id, { name: 'Volunteers', memo: '' });
      const entries = placedEntries();
      expect(entries.map((e) => [e.actor, e.subject, e.details])).toEqual([
        [{ via: 'cli', user: 'alex' }, `order:${draft.id}`, { orderId: draft.id, reference: REFERENCE, fields: ['name', 'memo'], name: 'Volunteers', previousName: 'Staff party', memo: null }],
        [{ via: 'desktop', user: 'sam' }, `order:${draft.id}`, { orderId: draft.id, reference: REFERENCE, fields: ['name', 'memo'], name: 'Staff party', previousName: null, memo: 'For the December staff party.\nAsked by Jo.' }],
      ]);
      expect(entries.map(auditSentence)).toEqual([
        `Named order ${draft.id} 'Volunteers' (it was 'Staff party'), and cleared its memo`,
        `Named order ${draft.id} 'Staff party', and wrote its memo`,
      ]);
      expect(core.app.orders.get(sam, draft.id)).toMatchObject({ name: 'Volunteers', memo: null });

      // Null (or blank) clears the name.
      expect(core.app.orders.name(sam, draft.id, { name: ' ' })).toMatchObject({ name: null });
      expect(auditSentence(placedEntries()[0]!)).toBe(`Removed the name of order ${draft.id} (it was 'Volunteers')`);
    } finally {
      await core.close();
    }
  }, 60_000);

  test('refuses a name too long, one with a control character, and an order that does not exist, changing nothing', async () => {
    const core = await openCore(tempDir(), { sandbox: false });
    try {
      const account = addTestAccount(core);
      const draft = core.orders.createDraft({ accountId: account.id, clientReference: REFERENCE, currency: 'AUD', lines: [{ sku: 'WW', faceValueCents: 2500, quantity: 1 }] }, Date.now());
      const refusal = (naming: { name?: string; memo?: string }, orderId = draft.id) => {
        try {
          core.app.orders.name(person(), orderId, naming);
        } catch (err) {
          return err;
        }
        return null;
      };
      expect(refusal({ name: 'x'.repeat(81) })).toMatchObject({ field: 'name', message: expect.stringContaining('80 characters') });
      expect(refusal({ name: 'Party\u202Eexe' })).toMatchObject({ field: 'name', message: expect.stringContaining('U+202E') });
      expect(refusal({ name: 'two\nlines' })).toBeInstanceOf(ValidationError);
      expect(refusal({ memo: 'm'.repeat(1_001) })).toMatchObject({ field: 'memo' });
      expect(refusal({ name: 'Fine' }, 999)).toBeInstanceOf(UnknownOrder);
      expect(core.orders.get(draft.id)).toMatchObject({ name: null, memo: null });
      expect(core.app.audit.page(person(), { actions: ['order.name'] }).entries).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);

  test('an order named after the fact is named by its name in its older entries too', () => {
    const entry = { action: 'sheet.print', recorded: null, details: { orderId: 7, reference: REFERENCE, layout: 'a4-10', scratch: false, cards: 1, pages: 1, sent: true } };
    expect(auditSentence(entry)).toBe('Printed a card sheet of order 7 (1 card, 1 page, A4, 10 per page (2 × 5))');
    expect(auditSentencesNaming((id) => (id === 7 ? 'Staff party' : null))(entry)).toBe("Printed a card sheet of order 7 'Staff party' (1 card, 1 page, A4, 10 per page (2 × 5))");
  });
});

describe('order name (CLI)', () => {
  test('names an order, which `orders` and `audit` then show; bad input exits 2 and names the flag', async () => {
    const dataDir = tempDir();
    const placed = await runCli(dataDir, ['--json', 'order', '--account', 'Sandbox (Wpay)', '--sku', 'WWQ651BHNWSH', '--amount', '5.00', '--qty', '1', '--detach', '--name', 'Party']);
    expect(placed.code, placed.stderr).toBe(0);
    const orderId = jsonLines<{ order: number }>(placed.stdout).at(-1)!.order;
    const before = await runCli(dataDir, ['--json', 'orders']);
    expect(jsonLines(before.stdout)).toEqual([expect.objectContaining({ order: orderId, name: 'Party', memo: null })]);

    const named = await runCli(dataDir, ['--json', 'order', 'name', String(orderId), '--name', 'Staff party', '--memo', 'December']);
    expect(named.code, named.stderr).toBe(0);
    expect(jsonLines(named.stdout)).toEqual([expect.objectContaining({ order: orderId, name: 'Staff party', memo: 'December' })]);

    const list = await runCli(dataDir, ['orders']);
    expect(list.stdout).toMatch(new RegExp(`^${orderId}\\tgd-\\S+ 'Staff party'\\t`, 'm'));
    const audit = await runCli(dataDir, ['audit', '--order', String(orderId)]);
    expect(audit.stdout).toContain(`Named order ${orderId} 'Staff party' (it was 'Party'), and wrote its memo`);
    // The placing entry was written with the reference alone; it reads with the order's name now.
    expect(audit.stdout).toContain(`Placed order ${orderId} 'Staff party' on 'Sandbox (Wpay)'`);

    const none = await runCli(dataDir, ['order', 'name', String(orderId)]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^name: Give --name TEXT, --memo TEXT or both/m);
  }, 120_000);
});
