// The audit screen's pages over a year of entries (100,000): every page from the newest entry to the oldest, as the
// window asks for them (the audit.page channel through main's dispatch, then each entry made a sentence), unfiltered
// and filtered by action and order. ui.auditDispatchPageMs is the slowest page of all; ui.auditPageMs is the ui
// phase's, measured in the browser.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { dispatch } from '../../main/electron/ipc/dispatch';
import { handlers } from '../../main/electron/ipc/handlers';
import { auditSentence, auditWho } from '../../shared/audit-sentences';
import { channels } from '../../shared/ipc/contract';
import { ipcContext } from '../../test/support/desktop';
import { testVault } from '../../test/support/core';
import { withRawDb } from '../../test/support/raw-db';
import { measure, report, round } from '../measure';

const ENTRIES = 100_000;
/** What the audit screen asks for at once (renderer/src/screens/audit/use-audit-pages.ts). */
const PAGE = 250;

const root = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-bench-audit-'));
const dataDir = path.join(root, 'app');
try {
  const core = await createCore({ dataDir, keychain: createKeytarKeychain(), ...testVault(), sandbox: false });
  const now = Date.now();
  withRawDb(dataDir, (db) => {
    const insert = db.prepare('INSERT INTO events (at, actor, action, subject, details, via, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) {
        const orderId = 1 + (i % 300);
        const at = now - (ENTRIES - i) * 300_000;
        if (i % 7 === 0) insert.run(at, 'desktop', 'sheet.print', `order:${orderId}`, JSON.stringify({ orderId, reference: `party-${orderId}`, layout: 'a4-10', scratch: false, cards: 40, pages: 4, sent: true }), 'desktop', 'sam');
        else if (i % 3 === 0) insert.run(at, 'engine', 'order.transition', `order:${orderId}`, JSON.stringify({ orderId, reference: `party-${orderId}`, from: 'processing', to: 'fetching', event: 'ready', reason: null }), 'engine', 'sam');
        else insert.run(at, 'desktop', 'lock.lock', 'app', JSON.stringify({ reason: 'idle' }), 'desktop', 'sam');
      }
    })();
  });
  const context = ipcContext(core);

  /** Every page of a filter, newest to oldest; the slowest page's milliseconds and how many entries came. */
  async function walk(filter: Record<string, unknown>): Promise<{ slowestMs: number; entries: number; pages: number }> {
    let beforeId: number | null | undefined;
    let slowest = 0;
    let entries = 0;
    let pages = 0;
    do {
      const page = await measure(async () => {
        const answer = await dispatch(channels, handlers, 'audit.page', { ...filter, ...(beforeId ? { beforeId } : {}), limit: PAGE }, context);
        if (!answer.ok) throw new Error(answer.error.message);
        const value = answer.value as { entries: Parameters<typeof auditSentence>[0][]; nextBeforeId: number | null };
        // What the window does with each row it shows.
        for (const e of value.entries) auditSentence(e) + auditWho((e as unknown as { actor: Parameters<typeof auditWho>[0] }).actor);
        return value;
      });
      slowest = Math.max(slowest, page.seconds * 1000);
      entries += page.value.entries.length;
      pages += 1;
      beforeId = page.value.nextBeforeId;
    } while (beforeId !== null);
    return { slowestMs: slowest, entries, pages };
  }

  const all = await walk({});
  if (all.entries !== ENTRIES) throw new Error(`the pages held ${all.entries} entries, not ${ENTRIES}`);
  const printed = await walk({ actions: ['sheet.print'] });
  const ofOrder = await walk({ orderId: 42 });
  await core.close();
  report({
    ui: {
      auditDispatchPageMs: round(Math.max(all.slowestMs, printed.slowestMs, ofOrder.slowestMs), 1),
      auditPages: all.pages,
      auditEntries: all.entries,
      auditFilteredPageMs: round(Math.max(printed.slowestMs, ofOrder.slowestMs), 1),
    },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
